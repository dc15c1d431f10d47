import Foundation
import Testing

/// The Monday email as a phone and a desk show it: headless Chromium lays the HTML part out in a frame 375 and
/// 800 pixels wide, and nothing may be wider than the frame, not even a pasted SharePoint link.
@Suite(.enabled(if: RealPrograms.canRun(RealPrograms.chromium), "needs chromium (Debian); CI installs it"))
struct EmailLayoutTests {
  let sandbox: Sandbox

  init() throws {
    sandbox = try Sandbox()
    try sandbox.configure("[mail]\nfrom = \"Ana Ruiz <ana@example.com>\"\n")  // a signed email
    let link =
      "https://acmecorp.sharepoint.com/sites/IT/Shared%20Documents/Forms/AllItems.aspx?id=%2Fsites%2FIT"
      + "%2FShared%20Documents%2FERP%2FUpgrade%2Fplan-v3.docx&parent=%2Fsites%2FIT%2FShared%20Documents"
    _ = try sandbox.succeed([
      "log", "Fixed SSO login for the VPN users of the warehouse", "1h30m", "-c", "acme",
      "--date", "2026-11-16", "-d", "Plan: \(link)",
    ])
    _ = try sandbox.succeed(["log", "Weekly sync", "45m", "-c", "acme", "--date", "2026-11-18"])
    _ = try sandbox.succeed(["log", link, "4h", "-c", "acme", "--date", "2026-11-20"])
  }

  /// The widths Chromium gives the email's page, its widest element and its card, in a frame `width` wide.
  func laidOutWidths(of html: String, in width: Int) throws -> (page: Int, widest: Int, card: Int) {
    let escaped = html.replacing("&", with: "&amp;").replacing("\"", with: "&quot;")
    let page = sandbox.folder + "/frame-\(width).html"
    try sandbox.write(
      """
      <!DOCTYPE html><html><body style="margin:0">
      <iframe id="email" style="width:\(width)px;height:3000px;border:0" srcdoc="\(escaped)"></iframe>
      <pre id="widths">not laid out</pre>
      <script>
      document.getElementById("email").addEventListener("load", function () {
        var email = this.contentDocument, widest = 0;
        email.querySelectorAll("*").forEach(function (e) { widest = Math.max(widest, e.getBoundingClientRect().right); });
        var card = email.querySelector("table[style*='max-width:640px']");
        document.getElementById("widths").textContent = "page=" + email.documentElement.scrollWidth
          + " widest=" + Math.ceil(widest) + " card=" + (card ? Math.ceil(card.getBoundingClientRect().width) : 0);
      });
      </script></body></html>
      """, to: page)
    let (_, dom) = try RealPrograms.run(
      RealPrograms.chromium,
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "--virtual-time-budget=5000",
        "--user-data-dir=\(sandbox.folder)/chromium", "file://\(page)",
      ])
    let numbers = try #require(
      dom.firstMatch(of: /page=(\d+) widest=(\d+) card=(\d+)/),
      "Chromium laid nothing out: \(dom.prefix(300))")
    return (Int(numbers.1) ?? 0, Int(numbers.2) ?? 0, Int(numbers.3) ?? 0)
  }

  @Test(arguments: ["en", "es"])
  func theEmailFitsAPhoneAndADesk(language: String) throws {
    let html = try sandbox.succeed(["week", "-c", "acme", "--format", "html", "--lang", language])
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    for width in [375, 800] {
      let laidOut = try laidOutWidths(of: html, in: width)
      #expect(laidOut.page <= width, "\(language) at \(width) px: the page is \(laidOut.page) px wide")
      #expect(laidOut.widest <= width, "\(language) at \(width) px: an element reaches \(laidOut.widest) px")
    }
  }

  /// A team's week names who did each entry and each person's hours: a long name must fit a phone too.
  @Test(arguments: ["en", "es"])
  func aTeamsEmailFitsAPhone(language: String) throws {
    let name = "María-Fernanda de los Ríos Villaseñor"
    _ = try sandbox.succeed(["log", "Warehouse Wi-Fi survey", "2h", "-c", "acme", "--date", "2026-11-17", "--as", name])
    let html = try sandbox.succeed(["week", "-c", "acme", "--format", "html", "--lang", language])
    #expect(html.contains("&middot; \(name)</span>"))
    for width in [375, 800] {
      let laidOut = try laidOutWidths(of: html, in: width)
      #expect(laidOut.widest <= width, "\(language) at \(width) px: an element reaches \(laidOut.widest) px")
    }
  }

  @Test func onADeskTheCardKeepsItsWidth() throws {
    let html = try sandbox.succeed(["week", "-c", "acme", "--format", "html"])
    #expect(try laidOutWidths(of: html, in: 1200).card == 640, "on a wide screen the card is 640 px, as before")
    #expect(try laidOutWidths(of: html, in: 375).card == 375 - 16, "on a phone it takes the width, less 8 px a side")
  }
}
