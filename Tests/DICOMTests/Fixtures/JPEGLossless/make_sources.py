# Synthetic uncompressed sources for the committed JPEG lossless fixtures.
import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid, SecondaryCaptureImageStorage

def write(name, pixels, bits_stored, signed, photometric):
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.Modality = "OT"
    ds.Rows, ds.Columns = pixels.shape[:2]
    ds.SamplesPerPixel = 3 if pixels.ndim == 3 else 1
    if ds.SamplesPerPixel == 3:
        ds.PlanarConfiguration = 0
    ds.PhotometricInterpretation = photometric
    ds.BitsAllocated = pixels.dtype.itemsize * 8
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    ds.PixelData = pixels.tobytes()
    ds.save_as(name + ".dcm", enforce_file_format=True)
    raw = pixels.astype(pixels.dtype.newbyteorder("<"))
    if signed:
        raw = raw.view(np.uint16) & ((1 << bits_stored) - 1)
    raw.tofile(name + ".raw")

rng = np.random.default_rng(7)
y, x = np.mgrid[0:30, 0:40]
gray12 = (2048 + 1500 * np.sin(x / 6.0) * np.cos(y / 5.0) + rng.integers(-40, 40, (30, 40))).astype(np.uint16)
gray12[0, 0], gray12[5, 7], gray12[5, 8], gray12[29, 39] = 0, 4095, 0, 4095
write("gray12", gray12, 12, False, "MONOCHROME2")

y, x = np.mgrid[0:32, 0:32]
gray16s = (8000 * np.sin((x + y) / 4.0) + rng.integers(-3000, 3000, (32, 32))).astype(np.int16)
gray16s[3, 3:8] = [0, -32768, 0, -32768, 32767]
gray16s[10:12, 10:12] = [[32767, -32768], [-32768, 32767]]
write("gray16s", gray16s, 16, True, "MONOCHROME2")

y, x = np.mgrid[0:16, 0:24]
rgb8 = np.stack([(x * 10) % 256, (y * 16) % 256, rng.integers(0, 256, (16, 24))], axis=-1).astype(np.uint8)
rgb8[0, 0] = [255, 255, 255]
write("rgb8", rgb8, 8, False, "RGB")

y, x = np.mgrid[0:17, 0:33]
gray8 = ((x * 7 + y * 3) % 256 ^ rng.integers(0, 4, (17, 33))).astype(np.uint8)
gray8[8, :] = 255
write("gray8", gray8, 8, False, "MONOCHROME2")
