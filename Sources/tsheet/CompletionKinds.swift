import ArgumentParser
import Foundation
import TsheetCore
import TsheetKit

/// The completions read from the log, offered by the shell scripts ArgumentParser generates. Text from the log
/// (a teammate's title, an imported client) reaches each shell as inert words: see `CompletionWord`.
extension CompletionKind {
  /// Client names.
  static var clients: CompletionKind {
    .custom { words, _, _ in CompletionWord.offered(completions(words).clients()) }
  }

  /// The people with work in the log.
  static var people: CompletionKind {
    .custom { words, _, _ in CompletionWord.offered(completions(words).people()) }
  }

  /// The titles of recent entries.
  static var titles: CompletionKind {
    .custom { words, _, _ in CompletionWord.offered(completions(words).titles()) }
  }

  /// The ids of recent entries, with their titles where the shell shows descriptions (zsh, fish).
  static var entryIDs: CompletionKind {
    .custom { words, _, _ in
      CompletionWord.offered(completions(words).entries().map { (String($0.id), $0.title) })
    }
  }

  private static func completions(_ words: [String]) -> Completions {
    Completions(commandLine: words, environment: ProcessInfo.processInfo.environment)
  }
}

/// A word offered for completion, written as the requesting shell's completion script reads it back, so that
/// no text from the log is ever run or split:
/// - bash's script hands the words to `compgen -W`, which expands `$(…)`, backquotes and `${…}` in each: every
///   word goes single-quoted, so the expansion gives back its text unchanged;
/// - zsh's hands them to `_describe`, where `:` ends the word and starts its description: `\` and `:` escaped;
/// - fish's splits each line at its first tab into the word and its description.
/// Control characters are shown escaped (`\n`), as tsheet echoes them, so that each word stays one line.
enum CompletionWord {
  static func offered(_ words: [String]) -> [String] {
    offered(words.map { ($0, nil) })
  }

  /// `words`, each with the description zsh and fish show beside it, if any.
  static func offered(_ words: [(word: String, description: String?)]) -> [String] {
    offered(words, for: CompletionShell.requesting)
  }

  static func offered(_ words: [(word: String, description: String?)], for shell: CompletionShell?) -> [String] {
    words.map { word, description in
      let word = word.escapingControlCharacters
      let description = description?.escapingControlCharacters
      return switch shell {
      case .zsh?: zshEscaped(word) + (description.map { ":" + zshEscaped($0) } ?? "")
      case .fish?: word + (description.map { "\t" + $0 } ?? "")
      default: "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
      }
    }
  }

  private static func zshEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ":", with: "\\:")
  }
}

/// What tsheet adds to the completion script ArgumentParser generates for bash.
enum CompletionScript {
  /// `script` as written for `arguments` (`--generate-completion-script bash`): for bash, with a wrapper that
  /// inserts each word as `printf %q` quotes it. bash's own quoting of a completion (`-o filenames`) leaves `$`
  /// and backquotes live, so a title `` `cmd` `` would run when the line is entered. Inside a quote the user
  /// opened, bash's quoting stands: it keeps them inert there.
  static func amended(_ script: String, arguments: [String]) -> String {
    guard let flag = arguments.firstIndex(where: { $0.hasPrefix("--generate-completion-script") }),
      arguments[flag] == "--generate-completion-script=bash"
        || (arguments[flag] == "--generate-completion-script" && arguments.dropFirst(flag + 1).first == "bash")
    else { return script }
    return script + #"""

      # tsheet: a word from the log (a title, a client, a person) goes in as printf %q quotes it, one inert word.
      _tsheet_inert() {
          _tsheet "$@"
          [[ ${COMP_WORDS[COMP_CWORD]} == [\'\"]* ]] && return
          compopt -o noquote
          local i
          for i in "${!COMPREPLY[@]}"; do
              printf -v 'COMPREPLY[i]' %q "${COMPREPLY[i]}"
          done
      }
      complete -o filenames -F _tsheet_inert tsheet
      """#
  }
}
