import TsheetCore

extension PivotDimension {
    /// The column of `entry`, and of the daily totals, that a pivot's rows group by for this dimension.
    var column: String {
        switch self {
        case .client: "client_id"
        case .person: "person"
        case .title: "title"
        }
    }
}
