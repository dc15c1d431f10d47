/// One Send at a time, in the order they came: a second press of Send (a double click, the page open in two
/// tabs) waits until the first is sent and recorded, then is refused as sent, instead of finding the first
/// half-done and saying that the email may have gone.
actor SendTurns {
  private var busy = false
  private var waiting: [CheckedContinuation<Void, Never>] = []

  /// What `body` does, once every Send before it is done.
  func inTurn<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
    if busy {
      await withCheckedContinuation { waiting.append($0) }
    } else {
      busy = true
    }
    let result = await body()
    if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    return result
  }
}
