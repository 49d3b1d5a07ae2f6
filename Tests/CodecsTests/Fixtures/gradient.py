"""Writes the synthetic 37x23 gradient sources the codec fixtures are made from."""
import numpy as np

W, H = 37, 23
y, x = np.mgrid[0:H, 0:W]


def pnm(path, magic, maxval, array):
    big_endian = array.astype(">u2" if maxval > 255 else "u1")
    with open(path, "wb") as f:
        f.write(f"{magic}\n{W} {H}\n{maxval}\n".encode())
        f.write(big_endian.tobytes())


pnm("gray8.pgm", "P5", 255, x * 4 + y * 4)
pnm("rgb8.ppm", "P6", 255, np.stack([x * 6, y * 10, 200 - x * 2 - y * 3], axis=-1))
pnm("gray12.pgm", "P5", 4095, x * 80 + y * 50)
pnm("gray16.pgm", "P5", 65535, x * 1600 + y * 300)
# Signed 16-bit, little-endian, no header: opj_compress reads it with -F 37,23,1,16,s.
(x * 1200 + y * 600 - 30000).astype("<i2").tofile("signed16.rawl")
