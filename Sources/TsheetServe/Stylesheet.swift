import HTTPTypes
import Hummingbird
import NIOCore

/// The pages' one stylesheet, served from `/style.css`: the Content-Security-Policy allows no inline style.
/// Narrow screens (375 px) scroll the grid inside its box; the page itself never overflows.
enum Stylesheet {
  static let css = """
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{font:16px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:72rem;padding:1rem;
      color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
    header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem}
    h1{font-size:1.4rem;margin:0}
    .range{margin:0;color:#555}
    nav{display:flex;gap:1rem;margin:.75rem 0}
    nav a{color:#0b57d0}
    form.sign-out{margin-left:auto}
    button{font:inherit;padding:.2rem .6rem}
    .grid{max-width:100%;overflow-x:auto;border:1px solid #ddd;border-radius:4px}
    table{border-collapse:collapse;font-variant-numeric:tabular-nums;min-width:100%}
    caption{text-align:left;padding:.5rem;font-weight:600}
    th,td{padding:.35rem .5rem;border-top:1px solid #eee;text-align:right;white-space:nowrap}
    thead th{font-weight:600;color:#444}
    thead th:first-child{text-align:left}
    th[scope=row]{text-align:left;font-weight:500;white-space:normal;min-width:6rem;max-width:14rem}
    .total,tfoot th,tfoot td{font-weight:600;background:#f6f6f6}
    .gap{background:#fdecec;color:#a11}
    .gaps{padding-left:1.2rem}
    .chart{display:block;width:100%;max-width:40rem;height:auto;margin:1rem 0}
    .chart .bar{fill:#3b78e7}
    .chart text{font-size:13px;fill:#1b1b1b}
    .empty{color:#555}
    .options{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.75rem 0}
    .options label{display:flex;flex-direction:column;font-size:.85rem;color:#444}
    .options input,.options select{font:inherit;width:8rem;max-width:100%}
    td.label{text-align:left;white-space:normal}
    .card{border:1px solid #ddd;border-radius:4px;padding:.75rem;margin:1rem 0}
    .card h2{font-size:1.15rem;margin:0 0 .5rem}
    .card dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .75rem;margin:0 0 .5rem}
    .card dt{color:#555}
    .card dd{margin:0}
    .frames{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start}
    .frames iframe{border:1px solid #ccc;height:32rem;background:#fff}
    iframe.phone{width:375px;max-width:100%}
    .scroll{max-width:100%;overflow-x:auto}
    iframe.desk{width:1280px}
    .note{display:block;margin:.5rem 0}
    .note textarea{display:block;width:100%;font:inherit}
    .actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
    .problem,.refused,.warnings{color:#a11}
    .sent{color:#1a6b2f}
    """

  /// The stylesheet as a response; a browser may keep it for an hour.
  static var response: Response {
    Response(
      status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: css)))
  }
}
