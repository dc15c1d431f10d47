import TsheetCore
import TsheetRender

/// The email templates the user may edit: the built-in ones written out, and edited ones checked.
package struct EmailTemplates {
  let context: Context

  package init(_ context: Context) { self.context = context }

  /// The folder `directory` names, else the user's templates folder (`templates_dir`).
  package func folder(_ directory: String?) -> String { directory ?? context.templatesDirectory }

  /// Writes the built-in templates into `directory` (default: the templates folder); existing files are kept.
  /// - Returns: the paths written.
  package func export(to directory: String?) throws -> [String] {
    try TemplateSet.exportDefaults(to: folder(directory))
  }

  /// The problems of the templates in `directory` (default: the templates folder), one per file that cannot
  /// be used.
  /// - Throws: `TemplateError.unreadable` when there is no such folder.
  package func problems(in directory: String?) throws -> [any UserError] {
    try TemplateSet.problems(in: folder(directory))
  }
}
