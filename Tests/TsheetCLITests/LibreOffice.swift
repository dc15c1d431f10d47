import Foundation
import TsheetTestSupport

/// LibreOffice as a person runs it, headless, with a profile of its own set to a locale (`en-US`, `es-ES`):
/// it converts the files tsheet writes to what a test can read (a PDF as printed, a flat ODF spreadsheet, CSV
/// as shown on screen).
struct LibreOffice {
  /// The profile's folder; conversions go to `out` inside it.
  let profile: String

  /// A new profile in `folder` whose locale, for dates and numbers, is `locale`.
  init(in folder: String, locale: String) throws {
    profile = folder + "/libreoffice-\(locale)"
    try FileManager.default.createDirectory(atPath: profile + "/user", withIntermediateDirectories: true)
    try """
    <?xml version="1.0" encoding="UTF-8"?>
    <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">
    <item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
    <value>\(locale)</value></prop></item>
    </oor:items>
    """.write(toFile: profile + "/user/registrymodifications.xcu", atomically: true, encoding: .utf8)
  }

  /// Converts `files` with the filter `filter` (`pdf`, `fods`, `csv:Text - txt - csv (StarCalc):44,34,76`),
  /// in one run, and returns the paths of the results, in order.
  func convert(_ files: [String], to filter: String) throws -> [String] {
    let (status, _) = try RealPrograms.run(
      RealPrograms.libreOffice,
      [
        "-env:UserInstallation=file://\(profile)", "--headless", "--convert-to", filter, "--outdir", profile + "/out",
      ] + files, timeout: 300)
    guard status == 0 else { throw ConversionError(files: files, filter: filter) }
    let suffix = "." + (filter.split(separator: ":").first.map(String.init) ?? filter)
    return files.map { profile + "/out/" + URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent + suffix }
  }

  struct ConversionError: Error {
    let files: [String], filter: String
  }

  /// The words of the PDF at `path` (`Tests/Support/read_pdf.py`): pages of lines of words with their boxes.
  static func words(ofPDF path: String) throws -> [[[PDFWord]]] {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../Support/read_pdf.py").standardized.path
    let (status, output) = try RealPrograms.run("/usr/bin/env", ["python3", script, path])
    guard status == 0, let pages = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[[[Any]]]] else {
      throw ConversionError(files: [path], filter: "pdftotext")
    }
    return pages.map { page in page.map { line in line.compactMap(PDFWord.init) } }
  }
}

/// A word of a PDF page and its box, in points from the page's top left corner.
struct PDFWord {
  let text: String
  let left, top, right, bottom: Double

  init?(_ fields: [Any]) {
    guard fields.count == 5, let text = fields[0] as? String else { return nil }
    let edges = fields.dropFirst().compactMap { $0 as? Double }
    guard edges.count == 4 else { return nil }
    self.text = text
    (left, top, right, bottom) = (edges[0], edges[1], edges[2], edges[3])
  }
}
