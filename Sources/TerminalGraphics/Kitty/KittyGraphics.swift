import Foundation

/// Escape sequences of the kitty graphics protocol: PNG payloads, chunked, under an image id so a
/// new frame sent with the same id replaces the previous one.
public enum KittyGraphics {
  /// The largest base64 payload per escape the protocol allows.
  public static let chunkSize = 4096

  /// Transmits `png` as image `imageID` and shows it at the cursor over `columns` x `rows`
  /// cells. The cursor does not move (`C=1`) and the terminal sends no reply (`q=2`).
  public static func display(png: [UInt8], imageID: UInt32, columns: Int, rows: Int) -> [UInt8] {
    let control = "a=T,f=100,t=d,i=\(imageID),p=1,q=2,C=1,c=\(max(columns, 1)),r=\(max(rows, 1))"
    return chunked(payload: Array(Data(png).base64EncodedData()), firstControl: control)
  }

  /// Deletes image `imageID` and frees its data.
  public static func delete(imageID: UInt32) -> [UInt8] {
    Array("\u{1B}_Ga=d,d=I,i=\(imageID),q=2\u{1B}\\".utf8)
  }

  /// Splits a base64 payload into escapes of at most `chunkSize` bytes, `m=1` on all but the
  /// last; only the first carries the control keys, as the protocol asks.
  static func chunked(payload: [UInt8], firstControl: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(payload.count + payload.count / chunkSize * 16 + 96)
    var start = 0
    repeat {
      let end = min(start + chunkSize, payload.count)
      let more = end < payload.count
      var control = start == 0 ? firstControl + "," : ""
      control += "m=\(more ? 1 : 0)"
      out += Array("\u{1B}_G\(control);".utf8)
      out += payload[start..<end]
      out += [0x1B, 0x5C]
      start = end
    } while start < payload.count
    return out
  }
}
