#!/bin/sh
# Regenerates every codec fixture in this folder from the synthetic gradient sources.
# Needs: libjpeg-turbo-progs (cjpeg), libopenjp2-tools (opj_compress), openjph-tools
# (ojph_compress), dcmtk (dcmcjpeg, dcmcjpls) and a Python with numpy and pydicom.
set -eu
PY=${PY:-/tmp/venvtest/bin/python}
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

$PY gradient.py

# JPEG baseline, 8-bit (libjpeg-turbo cjpeg): JFIF YCbCr 4:4:4, and RGB with Adobe transform 0.
cjpeg -quality 100 -grayscale -outfile gray8_baseline.jpg gray8.pgm
cjpeg -quality 100 -sample 1x1 -outfile rgb8_baseline_ycbcr.jpg rgb8.ppm
# YCbCr rounding alone moves samples by up to 3, so this one is also checked against djpeg.
djpeg -pnm -outfile rgb8_baseline_ycbcr.djpeg.ppm rgb8_baseline_ycbcr.jpg
cjpeg -quality 100 -rgb -outfile rgb8_baseline_rgb.jpg rgb8.ppm

# JPEG extended, 12-bit (dcmtk's IJG 12-bit build), frame extracted from the DICOM output.
$PY todicom.py wrap gray12.pgm "$work/gray12.dcm"
dcmcjpeg +ee +q 100 "$work/gray12.dcm" "$work/gray12_jpeg.dcm"
$PY todicom.py extract "$work/gray12_jpeg.dcm" gray12_extended.jpg

# JPEG-LS (dcmtk's CharLS fork).
$PY todicom.py wrap gray16.pgm "$work/gray16.dcm"
dcmcjpls +el "$work/gray16.dcm" "$work/gray16_jls.dcm"
$PY todicom.py extract "$work/gray16_jls.dcm" gray16_lossless.jls
$PY todicom.py wrap rgb8.ppm "$work/rgb8.dcm"
dcmcjpls +el +in "$work/rgb8.dcm" "$work/rgb8_jls_none.dcm"
$PY todicom.py extract "$work/rgb8_jls_none.dcm" rgb8_lossless_ilv_none.jls
dcmcjpls +el +is "$work/rgb8.dcm" "$work/rgb8_jls_sample.dcm"
$PY todicom.py extract "$work/rgb8_jls_sample.dcm" rgb8_lossless_ilv_sample.jls
$PY todicom.py wrap gray8.pgm "$work/gray8.dcm"
dcmcjpls +en +md 1 "$work/gray8.dcm" "$work/gray8_jls_near.dcm"
$PY todicom.py extract "$work/gray8_jls_near.dcm" gray8_near1.jls

# JPEG 2000 (OpenJPEG opj_compress): reversible 5/3, 4 resolutions (the image is too small for 6), raw codestreams unless noted.
opj_compress -n 4 -i gray12.pgm -o gray12_lossless.j2k >/dev/null
cp signed16.rawl "$work/signed16.rawl"
opj_compress -n 4 -i "$work/signed16.rawl" -F 37,23,1,16,s -o signed16_lossless.j2k >/dev/null
opj_compress -n 4 -i rgb8.ppm -o rgb8_lossless_rct.j2k >/dev/null
opj_compress -n 4 -i rgb8.ppm -mct 0 -o rgb8_lossless_nomct.jp2 >/dev/null

# HTJ2K (OpenJPH ojph_compress), reversible.
ojph_compress -i gray12.pgm -o gray12_htj2k.j2c -reversible true -num_decomps 3 >/dev/null
ojph_compress -i rgb8.ppm -o rgb8_htj2k.j2c -reversible true -num_decomps 3 -colour_trans true >/dev/null
