import Foundation
import TsheetCore

/// What a template's tags make of it, read before swift-mustache parses it: how deep its sections nest, which
/// partials it includes, and the pieces its rendering repeats. swift-mustache parses and renders by recursion,
/// so a template that nests 20,000 sections, or a partial that includes itself, would overflow the stack; and
/// sections nested over the days would render for ever: tsheet refuses them first.
struct TemplateShape {
  /// A piece of the template, as far as what it costs to render.
  enum Piece: Equatable {
    /// Text written as it stands, so many bytes long.
    case text(Int)
    /// A value printed (`{{title}}`).
    case value(String)
    /// A section opened (`{{#days}}`), rendered once per item of the list `name` holds; `once` for one
    /// rendered at most once (`{{^…}}`, `{{$…}}`, `{{<…}}`).
    case section(String, once: Bool)
    /// The section opened last, closed.
    case end
    /// A partial included here (`{{>name}}`, `{{<name}}`).
    case partial(String)
  }

  /// The deepest nesting of sections (`{{#…}}`, `{{^…}}`, `{{<…}}`, `{{$…}}`).
  private(set) var depth = 0
  /// The partials included (`{{>name}}`, `{{<name}}`), in order, repeated as often as they are.
  private(set) var partials: [String] = []
  /// Whether a partial is named at render time (`{{>*name}}`), which no check can follow.
  private(set) var hasDynamicPartial = false
  /// The template as pieces, in order.
  private(set) var pieces: [Piece] = []

  /// The most sections a template may nest, far beyond any email's needs.
  static let maximumDepth = 50

  /// Reads the tags of `source`, following changes of delimiters (`{{=<% %>=}}`).
  init(_ source: String) {
    var open = Substring("{{")
    var close = Substring("}}")
    var rest = Substring(source)
    var level = 0
    while let start = rest.range(of: open) {
      pieces.append(.text(rest[..<start.lowerBound].utf8.count))
      rest = rest[start.upperBound...]
      let triple = open == "{{" && rest.first == "{"
      let end = triple ? "}" + close : close
      guard let stop = rest.range(of: end) else { return }
      let tag = rest[..<stop.lowerBound].trimmingPrefix(while: \.isWhitespace)
      rest = rest[stop.upperBound...]
      guard let sigil = tag.first else { continue }
      let name = String(tag.dropFirst()).trimmed
      switch sigil {
      case "#", "^", "$":
        level += 1
        pieces.append(.section(name, once: sigil != "#"))
      case "<":
        level += 1
        partials.append(name)
        pieces += [.section(name, once: true), .partial(name)]
      case "/":
        level -= 1
        pieces.append(.end)
      case ">":
        if name.hasPrefix("*") { hasDynamicPartial = true } else { partials.append(name) }
        pieces.append(.partial(name))
      case "=" where tag.hasSuffix("="):
        let delimiters = tag.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
        if delimiters.count == 2 { (open, close) = (delimiters[0], delimiters[1]) }
      case "!", "%":
        break
      default:
        pieces.append(.value(String(tag.drop(while: { $0 == "{" || $0 == "&" })).trimmed))
      }
      depth = max(depth, level)
    }
    pieces.append(.text(rest.utf8.count))
  }
}
