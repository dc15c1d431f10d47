import Foundation
import Mustache
import TsheetCore

/// The templates an email is rendered from: the defaults the binary carries, overridden file by file by the
/// user's folder.
package struct TemplateSet: Sendable {
  /// The rendered parts of one email.
  package struct Email: Sendable, Equatable {
    /// One line, spaces collapsed: never a line break that could start a header.
    package var subject: String
    package var text: String
    package var html: String
  }

  /// The tag that makes swift-mustache render a template as text, without HTML escaping. It is prepended with
  /// no line break, so that error line numbers stay right.
  static let textPragma = "{{%CONTENT_TYPE:TEXT}}"

  /// The sources by name: the defaults, with the user's files in their place.
  let sources: [String: String]
  let folder: String?

  /// The defaults, overridden by every `NAME.mustache` under `directory` (`en/week.txt.mustache`) when given
  /// and present. Templates are parsed when first rendered, so a run pays only for the ones it uses.
  /// - Throws: `TemplateError` for a folder that cannot be read.
  package init(overrides directory: String? = nil) throws(TemplateError) {
    var sources = DefaultTemplates.files
    var folder: String?
    if let directory, FileManager.default.fileExists(atPath: directory) {
      for (name, text) in try TemplateSet.files(in: directory) { sources[name] = text }
      folder = directory
    }
    self.sources = sources
    self.folder = folder
  }

  /// The parts of an email a run needs.
  package struct Parts: OptionSet, Sendable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    package static let text = Parts(rawValue: 1)
    package static let html = Parts(rawValue: 2)
    package static let all: Parts = [.text, .html]
  }

  /// Renders the subject and the asked `parts` of `variant` in `language` from `view`; a part not asked for is
  /// empty.
  /// - Throws: `TemplateError` for a template of this email that does not parse.
  package func render(
    _ view: TimesheetView, variant: EmailVariant, language: Language,
    parts: Parts = .all
  ) throws(TemplateError) -> Email {
    let prefix = "\(language.rawValue)/\(variant.rawValue)"
    var view = view
    let subject = try render(view, prefix + ".subject").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    view.subject = subject
    return Email(
      subject: subject,
      text: parts.contains(.text) ? TextWrap.wrapped(try render(view, prefix + ".txt")) : "",
      html: parts.contains(.html) ? try render(view, prefix + ".html") : "")
  }

  /// Renders the template `name`, with every other template available as a partial.
  private func render(_ view: TimesheetView, _ name: String) throws(TemplateError) -> String {
    guard let source = sources[name] else { return "" }
    if folder != nil {  // the built-in templates are checked by the tests
      try checkShape(of: name)
      try checkSize(of: name, within: view.renderBounds)
    }
    let template = try TemplateSet.parse(source, name: name, folder: folder)
    let partials = source.contains("{{>") || source.contains("{{<") ? try parsedAll() : [:]
    return template.render(view, library: MustacheLibrary(templates: partials))
  }

  private func parsedAll() throws(TemplateError) -> [String: MustacheTemplate] {
    var templates: [String: MustacheTemplate] = [:]
    for (name, text) in sources { templates[name] = try TemplateSet.parse(text, name: name, folder: folder) }
    return templates
  }

  /// Writes the default templates under `directory` for editing; existing files are left alone.
  /// - Returns: the paths written.
  package static func exportDefaults(to directory: String) throws(TemplateError) -> [String] {
    var written: [String] = []
    for (name, text) in DefaultTemplates.files.sorted(by: { $0.key < $1.key }) {
      let path = "\(directory)/\(name).mustache"
      guard !FileManager.default.fileExists(atPath: path) else { continue }
      do {
        try FileManager.default.createDirectory(
          atPath: path.folderPart,
          withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        throw .unwritable(path: path)
      }
      written.append(path)
    }
    return written
  }

  /// Every problem in the templates under `directory`, one per file that cannot be used: a syntax error, a
  /// shape `checkShape(of:)` refuses, or a size past the maximum for a busy month.
  /// - Throws: `TemplateError.unreadable` when there is no such folder.
  package static func problems(in directory: String) throws(TemplateError) -> [TemplateError] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
      throw .unreadable(path: directory)
    }
    let set = try TemplateSet(overrides: directory)
    var problems: [TemplateError] = []
    for (name, text) in try files(in: directory).sorted(by: { $0.key < $1.key }) {
      do {
        try set.checkShape(of: name)
        _ = try parse(text, name: name, folder: directory)
        try set.checkSize(of: name, within: .busyMonth)
      } catch {
        problems.append(error)
      }
    }
    return problems
  }

  /// The `.mustache` files under `directory`, by template name.
  private static func files(in directory: String) throws(TemplateError) -> [String: String] {
    guard let paths = FileManager.default.enumerator(atPath: directory) else {
      throw .unreadable(path: directory)
    }
    var files: [String: String] = [:]
    for case let path as String in paths where path.hasSuffix(".mustache") {
      let file = "\(directory)/\(path)"
      var status = stat()
      guard stat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: file) }
      if status.st_size > maximumFileBytes { throw .fileTooLarge(path: file) }
      guard let data = FileManager.default.contents(atPath: file) else { throw .unreadable(path: file) }
      guard let text = String(validating: data, as: UTF8.self) else {
        throw .notUTF8(path: "\(directory)/\(path)", offset: data.firstNonUTF8Offset ?? 0)
      }
      files[String(path.dropLast(".mustache".count))] = text
    }
    return files
  }

  /// The largest template file: a hundred times the built-in ones, read and checked in milliseconds.
  static let maximumFileBytes = 1 << 20

  private static func parse(_ text: String, name: String, folder: String?) throws(TemplateError) -> MustacheTemplate {
    let isText = !name.hasSuffix(".html")
    let file = folder.map { "\($0)/\(name).mustache" } ?? "built-in \(name)"
    do {
      return try MustacheTemplate(string: isText ? textPragma + text : text)
    } catch let error as MustacheTemplate.ParserError {
      let context = error.context
      let column =
        isText && context.lineNumber == 1
        ? context.columnNumber - textPragma.count
        : context.columnNumber
      throw .syntax(
        file: file, line: context.lineNumber, column: max(1, column),
        problem: TemplateError.words(for: error.error))
    } catch {
      throw .syntax(file: file, line: 1, column: 1, problem: "\(error)")
    }
  }
}

/// Why templates cannot be used.
package enum TemplateError: UserError, Equatable {
  case syntax(file: String, line: Int, column: Int, problem: String)
  case unreadable(path: String)
  case unwritable(path: String)
  case notUTF8(path: String, offset: Int)
  case fileTooLarge(path: String)
  case missingPartial(file: String, partial: String)
  case recursivePartial(file: String, chain: [String])
  case dynamicPartial(file: String)
  case tooDeep(file: String)
  case tooLarge(file: String)
  case tooCostly(file: String)

  package var exitStatus: ExitStatus {
    switch self {
    case .syntax, .missingPartial, .recursivePartial, .dynamicPartial, .tooDeep, .tooLarge, .tooCostly: .dataError
    case .unreadable: .noInput
    case .unwritable: .ioError
    case .notUTF8, .fileTooLarge: .dataError
    }
  }

  package var description: String {
    switch self {
    case .syntax(let file, let line, let column, let problem):
      "\(file) line \(line), column \(column): \(problem); fix the template."
    case .unreadable(let path): "cannot read the templates at '\(path)'; check the path and its permissions."
    case .unwritable(let path): "cannot write '\(path)'; check the folder's permissions."
    case .fileTooLarge(let path):
      "'\(path)' is larger than \(TemplateSet.maximumFileBytes >> 20) MB, far more than an email needs; make it smaller."
    case .notUTF8(let path, let offset):
      "'\(path)' is not UTF-8 text (byte \(offset)); save it as UTF-8, e.g. iconv -f windows-1252 -t utf-8."
    case .missingPartial(let file, let partial):
      "\(file) includes the partial '\(partial.echoed())', which does not exist; name a template such as en/week.txt."
    case .recursivePartial(let file, let chain):
      "\(file) includes itself (\(chain.map { $0.echoed(limit: 30) }.joined(separator: " > "))); remove the loop."
    case .dynamicPartial(let file):
      "\(file) names a partial at render time ({{>*…}}); name it in the template instead."
    case .tooDeep(let file):
      "\(file) nests sections more than \(TemplateShape.maximumDepth) deep; flatten them."
    case .tooLarge(let file):
      "\(file) expands into more than \(TemplateSet.maximumExpansion) templates through its partials; include fewer."
    case .tooCostly(let file):
      "\(file) would write more than \(RenderBounds.maximumBytes >> 20) MB for one email; nest fewer sections "
        + "over the lists, or include fewer partials."
    }
  }

  /// The parser's error in words.
  static func words(for error: any Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect?: "a section is closed with another name than it was opened with"
    case .unfinishedName?: "a tag is not closed with }}"
    case .expectedSectionEnd?: "a section is never closed"
    case .invalidSetDelimiter?: "a {{=…=}} tag does not set two delimiters"
    case .illegalTokenInsideInheritSection?, .textInsideInheritSection?, .transformAppliedToInheritanceSection?:
      "a {{<…}} section holds something other than {{$…}} blocks"
    case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?: "a {{%…}} tag is not one swift-mustache knows"
    case nil: "\(error)"
    }
  }
}
