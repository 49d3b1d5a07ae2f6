import CZlib
import Foundation

/// Raw DEFLATE (RFC 1951, no zlib header) as Deflated Explicit VR Little Endian uses it (PS3.5 A.5).
enum Inflate {
  /// Inflates everything from `offset` to the end of `data`.
  static func raw(_ data: Data, from offset: Int) throws -> Data {
    var stream = z_stream()
    // Negative window bits select raw deflate: DICOM streams carry no zlib header.
    guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else {
      throw DICOMError(.malformed, "zlib could not start inflating", offset: offset)
    }
    defer { inflateEnd(&stream) }

    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    let input = data.count > offset ? Array(data[offset...]) : []
    var status: Int32 = Z_OK
    try input.withUnsafeBufferPointer { source in
      stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
      stream.avail_in = UInt32(source.count)
      repeat {
        try chunk.withUnsafeMutableBufferPointer { buffer in
          stream.next_out = buffer.baseAddress
          stream.avail_out = UInt32(buffer.count)
          status = inflate(&stream, Z_NO_FLUSH)
          guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw DICOMError(
              .malformed,
              "the deflated data set is corrupt (zlib status \(status)) near byte "
                + "\(offset + Int(stream.total_in))",
              offset: offset + Int(stream.total_in))
          }
          output.append(buffer.baseAddress!, count: buffer.count - Int(stream.avail_out))
        }
      } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
    }
    if status != Z_STREAM_END {
      throw DICOMError(
        .truncated, "the deflated data set ends before its end-of-stream marker",
        offset: offset + Int(stream.total_in))
    }
    return output
  }
}
