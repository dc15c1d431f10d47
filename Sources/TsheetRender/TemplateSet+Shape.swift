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
