extension TemplateSet {
  /// The most templates one email may expand into, partials included: far beyond any real email, and far
  /// below partials that each include the next twice, thirty times over.
  static let maximumExpansion = 1_000

  /// Checks that `name` and the partials it includes, however deep, can be rendered: sections nest at most
  /// `TemplateShape.maximumDepth` deep, every partial exists, none includes itself, none is named at render
  /// time, and the whole expands to at most `maximumExpansion` templates.
  /// - Throws: `TemplateError` naming the file at fault.
  func checkShape(of name: String) throws(TemplateError) {
    var expansion = 0
    try checkShape(of: name, chain: [], expansion: &expansion)
  }

  private func checkShape(of name: String, chain: [String], expansion: inout Int) throws(TemplateError) {
    guard let source = sources[name] else { throw .missingPartial(file: file(chain.last ?? name), partial: name) }
    let shape = TemplateShape(source)
    if shape.depth > TemplateShape.maximumDepth { throw .tooDeep(file: file(name)) }
    if shape.hasDynamicPartial { throw .dynamicPartial(file: file(name)) }
    expansion += 1
    if expansion > TemplateSet.maximumExpansion { throw .tooLarge(file: file(chain.first ?? name)) }
    for partial in shape.partials {
      if partial == name || chain.contains(partial) {
        throw .recursivePartial(file: file(name), chain: chain + [name, partial])
      }
      try checkShape(of: partial, chain: chain + [name], expansion: &expansion)
    }
  }

  /// How errors name the template `name`: its file in the user's folder, or the built-in one.
  func file(_ name: String) -> String {
    guard let folder, DefaultTemplates.files[name] != sources[name] else { return "built-in \(name)" }
    return "\(folder)/\(name).mustache"
  }
}

extension TemplateSet {
  /// Checks that rendering `name` for values within `bounds` writes at most `RenderBounds.maximumBytes`.
  /// - Throws: `TemplateError.tooCostly` naming the template.
  func checkSize(of name: String, within bounds: RenderBounds) throws(TemplateError) {
    if renderedSize(of: name, within: bounds, times: 1) > RenderBounds.maximumBytes {
      throw .tooCostly(file: file(name))
    }
  }

  /// The most bytes rendering `name` `times` times writes: its text, and each value at its longest, as often as
  /// the sections around them repeat. Stops counting past the maximum; never overflows.
  private func renderedSize(of name: String, within bounds: RenderBounds, times outer: Int) -> Int {
    guard let source = sources[name] else { return 0 }
    var size = 0
    var repeats = [outer]
    for piece in TemplateShape(source).pieces {
      let times = repeats.last ?? outer
      switch piece {
      case .text(let bytes): size = size.saturatingAdd(times.saturatingMultiply(bytes))
      case .value(let key): size = size.saturatingAdd(times.saturatingMultiply(bounds.text(key)))
      case .section(let key, let once): repeats.append(once ? times : times.saturatingMultiply(bounds.items(key)))
      case .end: if repeats.count > 1 { repeats.removeLast() }
      case .partial(let partial): size = size.saturatingAdd(renderedSize(of: partial, within: bounds, times: times))
      }
      if size > RenderBounds.maximumBytes { break }
    }
    return size
  }
}

extension Int {
  fileprivate func saturatingAdd(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? .max : sum
  }

  fileprivate func saturatingMultiply(_ other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? .max : product
  }
}
