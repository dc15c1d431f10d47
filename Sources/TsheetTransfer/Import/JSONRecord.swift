/// One element of a JSON import as the trackers write it: a Watson frame (an array), or an object whose
/// fields are those of tsheet's export, Watson's log or Timewarrior's export. Fields of the wrong type read as
/// absent, so that the row's own check names the field instead of the whole file failing.
enum JSONRecord: Decodable, Sendable {
  /// `[start, stop, project, id, tags, updated]`, as Watson's `frames` file holds them.
  case frame(WatsonFrame)
  case object(JSONObjectRecord)

  /// The object, when the element is one.
  var object: JSONObjectRecord? {
    if case .object(let object) = self { object } else { nil }
  }

  /// When its span starts, as the file writes it; nil for a record that is no span.
  var start: JSONTime? {
    switch self {
    case .frame(let frame): frame.start.map(JSONTime.seconds)
    case .object(let object): object.start
    }
  }

  init(from decoder: any Decoder) throws {
    if var array = try? decoder.unkeyedContainer() {
      self = .frame(WatsonFrame(from: &array))
    } else {
      self = .object(try JSONObjectRecord(from: decoder))
    }
  }
}

/// A Watson frame; nil where the array holds no value of the right type.
struct WatsonFrame: Sendable {
  var start: Double?
  var stop: Double?
  var project: String?
  var tags: [String] = []

  init(from array: inout any UnkeyedDecodingContainer) {
    start = try? array.decode(Double.self)
    stop = try? array.decode(Double.self)
    project = try? array.decode(String.self)
    _ = try? array.decode(String.self)  // the frame's id
    tags = (try? array.decode([String].self)) ?? []
  }
}

/// The fields an object of any JSON format can have.
struct JSONObjectRecord: Decodable, Sendable {
  // tsheet's export (and Timewarrior's, whose `id` numbers the intervals as `timew` does: @1 the latest)
  /// The id as the file wrote it (a number or text), checked by the row's format; nil when absent or null.
  var id: String?
  var date: String?
  var client: String?
  var title: String?
  var description: String?
  var minutes: Int?
  var hours: Double?
  var person: String?
  // Watson's log (`project`, `start`, `stop`, `tags`) and Timewarrior's export (`start`, `end`, `tags`,
  // `annotation`); times are ISO 8601 text, or seconds since 1970
  var project: String?
  var start: JSONTime?
  var stop: JSONTime?
  var end: JSONTime?
  var tags: [String]?
  var annotation: String?
  /// Which keys the object has, whatever their values: they tell the format.
  var keys: Set<String> = []

  private enum Key: String, CodingKey {
    case id, date, client, title, description, minutes, hours, person, project, start, stop, end, tags, annotation
  }

  init(from decoder: any Decoder) throws {
    let object = try decoder.container(keyedBy: Key.self)
    keys = Set(object.allKeys.map(\.rawValue))
    id = Self.written(object, .id)
    date = try? object.decodeIfPresent(String.self, forKey: .date)
    client = try? object.decodeIfPresent(String.self, forKey: .client)
    title = try? object.decodeIfPresent(String.self, forKey: .title)
    description = try? object.decodeIfPresent(String.self, forKey: .description)
    minutes = try? object.decodeIfPresent(Int.self, forKey: .minutes)
    hours = try? object.decodeIfPresent(Double.self, forKey: .hours)
    person = try? object.decodeIfPresent(String.self, forKey: .person)
    project = try? object.decodeIfPresent(String.self, forKey: .project)
    start = try? object.decodeIfPresent(JSONTime.self, forKey: .start)
    stop = try? object.decodeIfPresent(JSONTime.self, forKey: .stop)
    end = try? object.decodeIfPresent(JSONTime.self, forKey: .end)
    tags = try? object.decodeIfPresent([String].self, forKey: .tags)
    annotation = try? object.decodeIfPresent(String.self, forKey: .annotation)
  }

  /// A scalar as the file wrote it: a whole number as digits, another number as Swift writes it, text as it is,
  /// and anything else (true, an array) as its kind; nil when absent or null.
  private static func written(_ object: KeyedDecodingContainer<Key>, _ key: Key) -> String? {
    guard object.contains(key), (try? object.decodeNil(forKey: key)) == false else { return nil }
    if let number = try? object.decode(Int64.self, forKey: key) { return String(number) }
    if let number = try? object.decode(Double.self, forKey: key) { return "\(number)" }
    if let text = try? object.decode(String.self, forKey: key) { return text }
    return (try? object.decode(Bool.self, forKey: key)).map { "\($0)" } ?? "not a number"
  }
}

/// A time as a JSON export writes it: ISO 8601 text, or seconds since 1970.
enum JSONTime: Decodable, Sendable {
  case text(String)
  case seconds(Double)

  init(from decoder: any Decoder) throws {
    let value = try decoder.singleValueContainer()
    if let seconds = try? value.decode(Double.self) {
      self = .seconds(seconds)
    } else {
      self = .text(try value.decode(String.self))
    }
  }

  /// The time in seconds since 1970.
  func seconds() throws(ImportValueError) -> Double {
    switch self {
    case .seconds(let seconds): seconds
    case .text(let text): try TimeSpan.seconds(of: text)
    }
  }
}
