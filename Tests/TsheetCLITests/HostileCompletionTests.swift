import Foundation
import Testing

/// Text from the log reaches the shell at every TAB: a title, client or person a teammate or an imported file
/// put there is offered as inert text, and never runs. Driven in a real bash (through its completion function,
/// and typed at a pseudo-terminal) and a real zsh.
@Suite struct HostileCompletionTests {
  let sandbox: Sandbox
  /// Where the shells run: a command the completion ran would leave its file here.
  let workFolder: String

  /// Titles, clients and people that a shell would run, split or mangle if offered raw.
  static let titles = [
    "$(touch PWNED-title)", "`touch PWNED-backquote`", "${IFS}x$(touch PWNED-ifs)",
    "it's quoted", "a * b ? [c]", #"back\slash \n"#, "On-call: VPN down", "$HOME ~ {a,b}",
    "cost $HOME and `touch PWNED-cost`",
  ]
  static let client = "$(touch PWNED-client)"
  static let person = "`touch PWNED-person`"

  init() throws {
    sandbox = try Sandbox()
    workFolder = sandbox.folder + "/work"
    try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
    for title in Self.titles { _ = try sandbox.succeed(["log", title, "1h", "-c", "acme"]) }
    _ = try sandbox.succeed(["log", "Backup", "1h", "-c", Self.client, "--as", Self.person])
  }

  /// The files the shells made in the work folder: none, or a completion ran text from the log.
  func made() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: workFolder) }

  @Test func bashOffersEveryWordAsItIsAndRunsNone() throws {
    let bash = try ShellCompletion(sandbox: sandbox, shell: "bash", folder: workFolder)
    #expect(try bash.complete(["log", ""]) == ["Backup"] + Self.titles.reversed())  // newest first
    #expect(try bash.complete(["log", "it"]) == ["it's quoted"])
    #expect(try bash.complete(["log", "x", "1h", "-c", "$"]) == [Self.client])
    #expect(try bash.complete(["list", "--person", "`"]) == [Self.person])
    #expect(
      try bash.complete(["log", "x", "1h", "--as", ""])
        == [Self.person, "ana"].sorted { $0.lowercased() < $1.lowercased() })
    #expect(try bash.complete(["clients", "rename", ""]) == [Self.client, "acme"])
    #expect(try made() == [])
  }

  /// At a terminal, bash inserts the one title that matches escaped, and nothing runs.
  @Test func bashAtATerminalInsertsTheTitleEscaped() throws {
    let bash = try ShellCompletion(sandbox: sandbox, shell: "bash", folder: workFolder)
    #expect(try bash.typed("tsheet log '$(t") == "tsheet log '$(touch PWNED-title)' ")
    #expect(try bash.typed("tsheet log it") == #"tsheet log it\'s\ quoted "#)
    #expect(try bash.typed("tsheet log x 1h -c '$") == "tsheet log x 1h -c '$(touch PWNED-client)' ")
    // Unquoted, bash's own quoting would leave $ and backquotes live: entered, the line would run them.
    let cost = try bash.typed("tsheet log cos")
    #expect(cost == #"tsheet log cost\ \$HOME\ and\ \`touch\ PWNED-cost\` "#)
    #expect(try bash.entered(cost) == ["tsheet", "log", "cost $HOME and `touch PWNED-cost`"])
    let quoted = try bash.typed("tsheet log \"cos")
    #expect(try bash.entered(quoted) == ["tsheet", "log", "cost $HOME and `touch PWNED-cost`"])
    #expect(try made() == [])
  }

  /// zsh reads `:` as the end of a word in `_describe`: a title with one is offered whole, and so are ids'
  /// titles beside them.
  @Test(.enabled(if: RealPrograms.canRun(RealPrograms.zsh))) func zshOffersTitlesWithColonsWhole() throws {
    let zsh = try ShellCompletion(sandbox: sandbox, shell: "zsh", folder: workFolder)
    #expect(try zsh.typed("tsheet log On") == #"tsheet log On-call:\ VPN\ down "#)
    #expect(try zsh.typed("tsheet log x 1h -c \\$") == #"tsheet log x 1h -c \$\(touch\ PWNED-client\) "#)
    #expect(try made() == [])
  }
}

/// A shell with tsheet's completion script loaded, in `folder`.
struct ShellCompletion {
  let sandbox: Sandbox
  let shell: String
  let folder: String
  let setup: String

  init(sandbox: Sandbox, shell: String, folder: String) throws {
    self.sandbox = sandbox
    self.shell = shell
    self.folder = folder
    let script = sandbox.folder + "/completion.\(shell)"
    try sandbox.write(try sandbox.succeed(["--generate-completion-script", shell]), to: script)
    setup = sandbox.folder + "/setup.\(shell)"
    let binary = (Sandbox.binary as NSString).deletingLastPathComponent
    try sandbox.write(
      shell == "zsh"
        ? "PATH='\(binary)':$PATH; cd '\(folder)'; autoload -U compinit; compinit -u -D; source '\(script)'; compdef _tsheet tsheet\n"
        : "PATH='\(binary)':$PATH; cd '\(folder)'; source '\(script)'\n", to: setup)
  }

  /// What bash's completion function puts in COMPREPLY for `words` after the program's name.
  func complete(_ words: [String]) throws -> [String] {
    let line = (["tsheet"] + words).map { "'" + $0.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
      .joined(separator: " ")
    let (status, output) = try run(
      "/bin/bash",
      [
        "--norc", "--noprofile", "-c",
        """
        source '\(setup)'
        COMP_WORDS=(\(line)); COMP_CWORD=\(words.count)
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
        _tsheet "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """,
      ])
    #expect(status == 0)
    return output.split(separator: "\n").map(String.init)
  }

  /// The words bash reads from `line` when it is entered (each expansion made), as a command's arguments.
  func entered(_ line: String) throws -> [String] {
    let (status, output) = try run(
      "/bin/bash",
      [
        "--norc", "--noprofile", "-c", #"eval "set -- $1"; printf '%s\n' "$@""#,
        "bash", line,
      ])
    #expect(status == 0)
    return output.split(separator: "\n").map(String.init)
  }

  /// The command line as the shell shows it after `line` is typed at a terminal and TAB pressed.
  func typed(_ line: String) throws -> String {
    let support = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Support/complete_in_pty.py").path
    let (status, output) = try run("/usr/bin/python3", [support, shell, setup, line])
    #expect(status == 0)
    return output.trimmingCharacters(in: .newlines)
  }

  private func run(_ program: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    process.environment = sandbox.environment.merging(["PATH": "/usr/bin:/bin"]) { $1 }
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
