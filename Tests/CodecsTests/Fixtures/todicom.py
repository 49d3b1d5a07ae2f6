"""Wraps a PGM/PPM source in a minimal Explicit VR Little Endian data set for dcmtk's encoders,
and extracts the first frame of an encapsulated data set to a raw codestream file."""
import sys

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import generate_frames
from pydicom.uid import ExplicitVRLittleEndian, generate_uid


def read_pnm(path):
    data = open(path, "rb").read()
    fields, offset = [], 0
    while len(fields) < 4:
        end = data.index(b"\n", offset)
        fields += data[offset:end].split()
        offset = end + 1
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    samples = 3 if magic == b"P6" else 1
    dtype = ">u2" if maxval > 255 else "u1"
    array = np.frombuffer(data[offset:], dtype=dtype).reshape(height, width, samples)
    return array, maxval.bit_length()


def wrap(source, target):
    array, bits = read_pnm(source)
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.7"
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
    ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.PatientName = "Synthetic^Gradient"
    ds.Modality = "OT"
    ds.Rows, ds.Columns, ds.SamplesPerPixel = array.shape
    ds.PhotometricInterpretation = "RGB" if ds.SamplesPerPixel == 3 else "MONOCHROME2"
    if ds.SamplesPerPixel == 3:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated = 8 if bits <= 8 else 16
    ds.BitsStored = bits
    ds.HighBit = bits - 1
    ds.PixelRepresentation = 0
    ds.PixelData = array.astype("<u2" if bits > 8 else "u1").tobytes()
    ds.save_as(target, enforce_file_format=True)


def extract(source, target):
    ds = pydicom.dcmread(source)
    frame = next(generate_frames(ds.PixelData, number_of_frames=1))
    open(target, "wb").write(frame)


if __name__ == "__main__":
    {"wrap": wrap, "extract": extract}[sys.argv[1]](sys.argv[2], sys.argv[3])
