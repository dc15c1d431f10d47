import ArgumentParser
import TsheetKit

struct TemplatesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "templates",
    _superCommandName: "tsheet",  // see Tsheet.parse
    abstract: "Write out the email templates for editing, and check edited ones.",
    discussion: """
      tsheet reads templates from templates_dir in the config (default $XDG_CONFIG_HOME/tsheet/templates); \
      each file there replaces the built-in one of the same name, such as es/week.txt.mustache.

      Examples:
        tsheet templates export ~/.config/tsheet/templates
        tsheet templates check
      """,
    subcommands: [Export.self, Check.self])

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "export", abstract: "Write the built-in templates into a folder; existing files are kept.")

    @Argument(help: "The folder (default: your templates folder).") var directory: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let templates = EmailTemplates(try global.context())
      let folder = templates.folder(directory)
      let written = try templates.export(to: directory)
      try write(
        written.isEmpty
          ? "Every template is already in \(folder).\n"
          : written.map { "Wrote \($0)\n" }.joined())
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check", abstract: "Report syntax errors in templates, with file, line and column.")

    @Argument(help: "The folder (default: your templates folder).") var directory: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let templates = EmailTemplates(try global.context())
      let folder = templates.folder(directory)
      let problems = try templates.problems(in: directory)
      if let first = problems.first {
        for problem in problems.dropFirst() { try write("Error: \(problem)\n") }
        throw first
      }
      try write("The templates in \(folder) are fine.\n")
    }
  }
}
