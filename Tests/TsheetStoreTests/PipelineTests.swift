import Foundation
import Synchronization
import Testing

@testable import TsheetStore

@Suite struct PipelineTests {
  struct Broken: Error, Equatable { let at: Int }

  @Test(arguments: [1, 3, 512], [0, 1, 511, 512, 513, 10_000])
  func everyItemArrivesInOrder(chunk: Int, count: Int) throws {
    var received: [Int] = []
    try pipelined(
      chunk: chunk, ahead: 2,
      produce: { yield in
        for item in 0..<count { try yield(item) }
      }, consume: { received.append($0) })
    #expect(received == Array(0..<count))
  }

  /// As if one ran after the other: the rows before a bad line are all written, then its error is thrown.
  @Test func theProducersErrorComesAfterEverythingItYieldedBefore() {
    var received: [Int] = []
    #expect(throws: Broken(at: 1_000)) {
      try pipelined(
        chunk: 64, ahead: 2,
        produce: { yield in
          for item in 0..<1_000 { try yield(item) }
          throw Broken(at: 1_000)
        }, consume: { received.append($0) })
    }
    #expect(received == Array(0..<1_000))
  }

  /// A write that fails stops the reading: the producer's next hand-over throws, and it has returned (without
  /// reading the rest) by the time the consumer's error is thrown.
  @Test func theConsumersErrorStopsTheProducer() {
    let produced = Mutex(0)
    let returned = Mutex(false)
    #expect(throws: Broken(at: 10)) {
      try pipelined(
        chunk: 4, ahead: 2,
        produce: { yield in
          defer { returned.withLock { $0 = true } }
          for item in 0..<1_000_000 {
            try yield(item)
            produced.withLock { $0 += 1 }
          }
        },
        consume: { item in
          if item == 10 { throw Broken(at: 10) }
        })
    }
    #expect(returned.withLock { $0 })
    #expect(produced.withLock { $0 } < 100)  // the chunk being filled, the ones waiting, and no more
  }

  @Test func itRunsOnAnotherThread() throws {
    let producerIsMain = Mutex<Bool?>(nil)
    try pipelined(
      produce: { yield in
        producerIsMain.withLock { $0 = Thread.isMainThread }
        try yield(1)
      }, consume: { _ in })
    #expect(producerIsMain.withLock { $0 } == false)
  }
}
