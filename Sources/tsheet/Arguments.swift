import ArgumentParser
import TsheetCore
import TsheetKit

// The words the command line takes for the domain's choices.
extension Language: ExpressibleByArgument {}
extension EmailVariant: ExpressibleByArgument {}
extension Period: ExpressibleByArgument {}
extension PivotRows: ExpressibleByArgument {}
extension ImportFormat: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension EntryFormat: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension Rounding.Mode: ExpressibleByArgument {}
