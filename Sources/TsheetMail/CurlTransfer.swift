import CCurl

/// A failed transfer: libcurl's code and its own words (the error buffer, else the code's description).
package struct CurlError: Error, Sendable, Equatable {
  package let code: Int
  package let message: String
  /// True when the transfer ran out of time, or the answer outgrew its bound.
  package var timedOut: Bool { code == Int(CURLE_OPERATION_TIMEDOUT.rawValue) }
}

/// One transfer through libcurl, the system's maintained client for IMAP and HTTPS: set the options, `perform`
/// once. Every transfer has a deadline and a bound on what it receives, follows no redirect, and speaks only
/// the protocols it is given.
package final class CurlTransfer {
  private let handle: UnsafeMutableRawPointer
  private var lists: [UnsafeMutablePointer<curl_slist>] = []
  /// Where libcurl writes its own words about a failure: memory it keeps a pointer to, so allocated here.
  private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
  /// The transfer's state shared with libcurl's callbacks.
  private final class Buffers {
    var received: [UInt8] = []
    var limit: Int
    var upload: [UInt8]
    var uploaded = 0
    init(limit: Int, upload: [UInt8]) {
      self.limit = limit
      self.upload = upload
    }
  }
  private let buffers: Buffers

  /// Whether libcurl is loaded (on first use: see ccurl.h).
  private static let loaded: Bool = tsheet_curl_load()

  /// A transfer of `url`, over one of `protocols` (such as "imaps,imap" or "https"), that gives up after
  /// `timeout` seconds in all and receives at most `limit` bytes.
  package init(url: String, protocols: String, timeout: Int, limit: Int = 16 << 20) throws(CurlError) {
    guard Self.loaded else {
      throw CurlError(
        code: Int(CURLE_FAILED_INIT.rawValue),
        message: "libcurl.so.4 is missing; install libcurl4 (apt install libcurl4)")
    }
    guard let handle = tsheet_curl_easy_init() else {
      throw CurlError(code: Int(CURLE_FAILED_INIT.rawValue), message: "libcurl could not start")
    }
    self.handle = handle
    buffers = Buffers(limit: limit, upload: [])
    try set(CURLOPT_URL, url)
    try set(CURLOPT_PROTOCOLS_STR, protocols)
    try set(CURLOPT_TIMEOUT, timeout)
    try set(CURLOPT_CONNECTTIMEOUT, min(timeout, 10))
    try set(CURLOPT_NOSIGNAL, 1)
    try set(CURLOPT_FOLLOWLOCATION, 0)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    try check(tsheet_curl_set_text(handle, CURLOPT_ERRORBUFFER, errorBuffer))
    let context = Unmanaged.passUnretained(buffers).toOpaque()
    try check(
      tsheet_curl_set_io(
        handle,
        { bytes, size, count, context in
          let buffers = Unmanaged<Buffers>.fromOpaque(context!).takeUnretainedValue()
          let length = size * count
          guard buffers.received.count + length <= buffers.limit else { return 0 }  // libcurl ends the transfer
          buffers.received.append(contentsOf: UnsafeRawBufferPointer(start: bytes, count: length))
          return length
        },
        { bytes, size, count, context in
          let buffers = Unmanaged<Buffers>.fromOpaque(context!).takeUnretainedValue()
          let length = min(size * count, buffers.upload.count - buffers.uploaded)
          buffers.upload.withUnsafeBytes { source in
            UnsafeMutableRawPointer(bytes!).copyMemory(from: source.baseAddress! + buffers.uploaded, byteCount: length)
          }
          buffers.uploaded += length
          return length
        }, context))
  }

  deinit {
    tsheet_curl_easy_cleanup(handle)
    errorBuffer.deallocate()
    lists.forEach { tsheet_curl_slist_free_all($0) }
  }

  package func set(_ option: CURLoption, _ value: String) throws(CurlError) {
    try check(tsheet_curl_set_text(handle, option, value))  // libcurl copies strings
  }

  package func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
    try check(tsheet_curl_set_number(handle, option, value))
  }

  /// Sets a list option, such as `CURLOPT_HTTPHEADER`.
  package func set(_ option: CURLoption, _ values: [String]) throws(CurlError) {
    var list: UnsafeMutablePointer<curl_slist>?
    for value in values { list = tsheet_curl_slist_append(list, value) }
    if let list { lists.append(list) }
    try check(tsheet_curl_set_list(handle, option, list))
  }

  /// Makes the transfer an upload of `bytes` (an IMAP APPEND, say).
  package func upload(_ bytes: [UInt8]) throws(CurlError) {
    buffers.upload = bytes
    try set(CURLOPT_UPLOAD, 1)
    try check(tsheet_curl_set_size(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(bytes.count)))
  }

  /// Runs the transfer once; returns the response code (HTTP's status, IMAP's last) and the bytes received.
  package func perform() throws(CurlError) -> (code: Int, body: [UInt8]) {
    let code = tsheet_curl_easy_perform(handle)
    if code == CURLE_WRITE_ERROR, buffers.received.count >= buffers.limit - 65536 {
      throw CurlError(
        code: Int(CURLE_FILESIZE_EXCEEDED.rawValue),
        message: "the server's answer is larger than \(buffers.limit >> 20) MB")
    }
    try check(code)
    return (tsheet_curl_response_code(handle), buffers.received)
  }

  private func check(_ code: CURLcode) throws(CurlError) {
    guard code != CURLE_OK else { return }
    let detail = String(cString: errorBuffer)
    throw CurlError(
      code: Int(code.rawValue),
      message: detail.isEmpty ? String(cString: tsheet_curl_easy_strerror(code)) : detail)
  }
}
