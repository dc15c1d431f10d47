import Testing
import TsheetCore

@testable import TsheetStore

/// Only what the client may have received is a parent: a preview written to a file (`-o`) stops being one once
/// its period is sent, and is never the parent of the message of its own period.
@Suite struct ThreadParentTests {
  @Test(arguments: Engine.all) func aPreviewIsNoParentOfItsOwnPeriodNorOnceSent(engine: Engine) throws {
    let store = try engine.makeStore()
    _ = try store.add(entry("acme", "One", "2026-11-19", 10))
    let w47 = DayRange.week(containing: day("2026-11-19"))
    let w48 = DayRange.week(containing: day("2026-11-26"))
    func message(_ id: String, _ period: DayRange, _ state: MessageState) -> MessageRecord {
      MessageRecord(
        client: "acme", variant: .week, period: period, messageID: id, references: [], subject: "s",
        to: "m@acme.com", cc: "", state: state, sentAt: state == .written ? nil : "2026-11-23T08:00:00Z")
    }
    try store.write {
      try $0.record(message("<sent-46@x>", DayRange.week(containing: day("2026-11-12")), .sent), recipients: nil)
    }
    try store.write { try $0.record(message("<preview-47@x>", w47, .written), recipients: nil) }
    // Week 47's own send, or a second preview of it, does not reply to its preview.
    #expect(try store.lastMessage(to: "acme", for: .week, over: w47)?.messageID == "<sent-46@x>")
    // Another period's does: the preview may have gone out from the user's mail program.
    #expect(try store.lastMessage(to: "acme", for: .week, over: w48)?.messageID == "<preview-47@x>")
    #expect(try store.lastMessage(to: "acme", for: .month, over: w47)?.messageID == "<preview-47@x>")
    // Once week 47 is sent, the sent one is its thread's message and the preview is no one's parent.
    try store.write { try $0.record(message("<sent-47@x>", w47, .sent), recipients: nil) }
    try store.write { try $0.record(message("<preview-47b@x>", w47, .written), recipients: nil) }
    #expect(try store.lastMessage(to: "acme", for: .week, over: w48)?.messageID == "<sent-47@x>")
    #expect(try store.lastMessage(to: "nobody", for: .week, over: w48) == nil)
  }
}
