// TEMPORARY
struct RLELosslessDecoder: PixelDecoder { func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError) -> DecodedSamples { throw CodecError("x") } }
struct JPEGLosslessDecoder: PixelDecoder { func decode(_ frame: [UInt8], as description: FrameDescription) throws(CodecError) -> DecodedSamples { throw CodecError("x") } }
