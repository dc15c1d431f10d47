import Foundation
import TsheetCore

/// What a template's tags make of it, read before swift-mustache parses it: how deep its sections nest and
/// which partials it includes. swift-mustache parses and renders by recursion, so a template that nests 20,000
/// sections, or a partial that includes itself, would overflow the stack; tsheet refuses them first.
struct TemplateShape {
    /// The deepest nesting of sections (`{{#…}}`, `{{^…}}`, `{{<…}}`, `{{$…}}`).
    private(set) var depth = 0
    /// The partials included (`{{>name}}`, `{{<name}}`), in order, repeated as often as they are.
    private(set) var partials: [String] = []
    /// Whether a partial is named at render time (`{{>*name}}`), which no check can follow.
    private(set) var hasDynamicPartial = false

    /// The most sections a template may nest, far beyond any email's needs.
    static let maximumDepth = 50

    /// Reads the tags of `source`, following changes of delimiters (`{{=<% %>=}}`).
    init(_ source: String) {
        var open = Substring("{{"), close = Substring("}}")
        var rest = Substring(source)
        var level = 0
        while let start = rest.range(of: open) {
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
            case "<":
                level += 1
                partials.append(name)
            case "/":
                level -= 1
            case ">":
                if name.hasPrefix("*") { hasDynamicPartial = true } else { partials.append(name) }
            case "=" where tag.hasSuffix("="):
                let delimiters = tag.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
                if delimiters.count == 2 { (open, close) = (delimiters[0], delimiters[1]) }
            default:
                break
            }
            depth = max(depth, level)
        }
    }
}
