# Writes the first frame of every compressed fixture DICOM file as a bare JPEG stream.
import glob

import pydicom
from pydicom.encaps import generate_frames

for path in sorted(glob.glob("*_*.dcm")):
    ds = pydicom.dcmread(path)
    frame = next(generate_frames(ds.PixelData, number_of_frames=1))
    with open(path[:-4] + ".jpg", "wb") as out:
        out.write(frame)
