import ArgumentParser
import Foundation
import TsheetKit

/// The completions read from the log, offered by the shell scripts ArgumentParser generates.
extension CompletionKind {
    /// Client names.
    static var clients: CompletionKind {
        .custom { words, _, _ in Completions(commandLine: words, environment: environment).clients() }
    }

    /// The people with work in the log.
    static var people: CompletionKind {
        .custom { words, _, _ in Completions(commandLine: words, environment: environment).people() }
    }

    /// The titles of recent entries.
    static var titles: CompletionKind {
        .custom { words, _, _ in Completions(commandLine: words, environment: environment).titles() }
    }

    /// The ids of recent entries, with their titles where the shell shows descriptions (zsh, fish).
    static var entryIDs: CompletionKind {
        .custom { words, _, _ in
            Completions(commandLine: words, environment: environment).entries().map { entry in
                let title = entry.title.escapingControlCharacters
                return switch CompletionShell.requesting {
                case .zsh?: "\(entry.id):\(title.replacingOccurrences(of: ":", with: "\\:"))"
                case .fish?: "\(entry.id)\t\(title)"
                default: String(entry.id)
                }
            }
        }
    }

    private static var environment: [String: String] { ProcessInfo.processInfo.environment }
}
