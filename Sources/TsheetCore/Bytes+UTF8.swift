extension Sequence<UInt8> {
  /// Where the first byte that is not part of well-formed UTF-8 stands, counted from 0; nil when every byte is.
  package var firstNonUTF8Offset: Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var bytes = makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &bytes) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
