import Foundation

/// Runs `produce` on a thread of its own while `consume` takes what it yields, in order, on this one: reading a
/// file and writing its rows overlap. `produce` runs at most `ahead` chunks of `chunk` items in front.
///
/// An error thrown by `produce` is thrown here once every item yielded before it has been consumed, as it
/// would have been had both run one after the other. An error thrown by `consume` stops `produce` (its
/// `yield` throws) and is thrown here. Either way `produce` has returned when this does.
func pipelined<Item: Sendable>(
  chunk: Int = 512, ahead: Int = 4,
  produce: @escaping @Sendable (_ yield: (Item) throws -> Void) throws -> Void,
  consume: (Item) throws -> Void
) throws {
  let handoff = Handoff<Item>(capacity: ahead)
  let producer = Thread {
    var pending: [Item] = []
    pending.reserveCapacity(chunk)
    var failure: (any Error)?
    do {
      try produce { item in
        pending.append(item)
        if pending.count == chunk {
          try handoff.put(pending)
          pending.removeAll(keepingCapacity: true)
        }
      }
    } catch {
      failure = error
    }
    if !pending.isEmpty { try? handoff.put(pending) }  // what came before a failure goes first, as it would have
    handoff.end(failure)
  }
  producer.start()
  do {
    while let items = try handoff.take() {
      for item in items { try consume(item) }
    }
  } catch {
    handoff.stop()
    throw error
  }
}

/// The chunks on their way from the producing thread to the consuming one. Every property is read and
/// written with `condition` locked.
private final class Handoff<Item: Sendable>: @unchecked Sendable {
  /// Thrown to the producer by `put` once the consumer has given up.
  struct Stopped: Error {}

  private let condition = NSCondition()
  private let capacity: Int
  private var chunks: [[Item]] = []
  /// Set when the producer has returned: nil inside when it finished, its error when it failed.
  private var ended: (any Error)??
  private var stopped = false

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Hands over `items`, waiting while `capacity` chunks wait already.
  func put(_ items: [Item]) throws {
    condition.lock()
    defer { condition.unlock() }
    while chunks.count >= capacity && !stopped { condition.wait() }
    guard !stopped else { throw Stopped() }
    chunks.append(items)
    condition.broadcast()
  }

  /// The producer has returned, with `error` if it failed.
  func end(_ error: (any Error)?) {
    condition.lock()
    defer { condition.unlock() }
    ended = .some(error)
    condition.broadcast()
  }

  /// The next chunk, waiting for one; nil when the producer finished; its error when it failed.
  func take() throws -> [Item]? {
    condition.lock()
    defer { condition.unlock() }
    while chunks.isEmpty && ended == nil { condition.wait() }
    if !chunks.isEmpty {
      condition.broadcast()
      return chunks.removeFirst()
    }
    if case .some(.some(let error)) = ended { throw error }
    return nil
  }

  /// The consumer gives up: the producer's next `put` throws. Returns once the producer has returned.
  func stop() {
    condition.lock()
    defer { condition.unlock() }
    stopped = true
    condition.broadcast()
    while ended == nil { condition.wait() }
  }
}
