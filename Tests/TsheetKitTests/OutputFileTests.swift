import Foundation
import Testing

@testable import TsheetKit

/// `-o PATH` writes as the shell's `>` does, in a private folder of real files: a symlink is followed, a file
/// keeps its mode, a FIFO and a device node are written into (never replaced), a folder is refused.
@Suite struct OutputFileTests {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsheet-output-\(UUID())").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  func write(_ text: String, to path: String) throws {
    let output = try Output.open(path)
    try output.write(text)
    try output.close()
  }

  /// glibc's makedev for small numbers (a macro Swift does not import).
  func deviceNumber(_ major: UInt64, _ minor: UInt64) -> dev_t { dev_t(major << 8 | minor) }

  func kind(_ path: String) -> mode_t {
    var status = stat()
    lstat(path, &status)
    return status.st_mode & S_IFMT
  }

  @Test func aNewFileIsCreatedWithTheShellsMode() throws {
    let path = folder + "/new.csv"
    let mask = umask(0o022)
    defer { umask(mask) }
    try write("a\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o644)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["new.csv"])
  }

  @Test func aPrivateFileStaysPrivate() throws {
    let path = folder + "/private.csv"
    FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o600])
    try write("new\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
  }

  @Test func aSymlinkIsFollowedAndStaysASymlink() throws {
    let target = folder + "/target.csv"
    let link = folder + "/link.csv"
    FileManager.default.createFile(atPath: target, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o640])
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    try write("new\n", to: link)
    #expect(kind(link) == S_IFLNK)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
    #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o640)
  }

  @Test func aFIFOIsWrittenIntoNotReplaced() async throws {
    let fifo = folder + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = Task.detached { () -> String in
      let descriptor = open(fifo, O_RDONLY)
      defer { close(descriptor) }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 256)
      while case let count = read(descriptor, &buffer, buffer.count), count > 0 { bytes += buffer[..<count] }
      return String(decoding: bytes, as: UTF8.self)
    }
    try write("through the pipe\n", to: fifo)
    #expect(await reader.value == "through the pipe\n")
    #expect(kind(fifo) == S_IFIFO)
  }

  @Test func aDeviceNodeIsWrittenIntoNotReplaced() throws {
    let device = folder + "/null"
    guard mknod(device, S_IFCHR | 0o666, deviceNumber(1, 3)) == 0 else {  // the null device, made here
      try #require(ProcessInfo.processInfo.environment["CI"] == nil, "mknod needs root, which CI has")
      return
    }
    try write("into the void\n", to: device)
    #expect(kind(device) == S_IFCHR)
    let full = folder + "/full"
    #expect(mknod(full, S_IFCHR | 0o666, deviceNumber(1, 7)) == 0)
    #expect(throws: OutputError.unwritable(path: full, reason: "No space left on device")) {
      try write("nowhere to go\n", to: full)
    }
    #expect(kind(full) == S_IFCHR)
  }

  @Test func aFolderIsRefused() {
    #expect(throws: OutputError.folder(path: folder)) { try write("x", to: folder) }
  }

  @Test func aFileWithAnotherHardLinkIsWrittenInPlace() throws {
    let path = folder + "/one.csv"
    let other = folder + "/two.csv"
    FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
    #expect(link(path, other) == 0)
    try write("new\n", to: path)
    #expect(try String(contentsOfFile: other, encoding: .utf8) == "new\n")
  }

  @Test func anUnfinishedFileLeavesTheOldOneAsItWas() throws {
    let path = folder + "/report.csv"
    FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8))
    do {
      let output = try Output.open(path)
      try output.write("half a rep")
    }  // dropped without close(): a failure in the middle
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["report.csv"])
  }
}
