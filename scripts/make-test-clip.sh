#!/bin/sh
# Regenerates the six-second test clip the video tests play (the output is committed, so CI needs no
# ffmpeg). VP8 + Opus in WebM: every Chromium build plays it, including Debian's.
set -e
out="$(dirname "$0")/../static/media/test"
mkdir -p "$out"
ffmpeg -hide_banner -loglevel error -y \
	-f lavfi -i "testsrc2=size=320x180:rate=15:duration=6" \
	-f lavfi -i "sine=frequency=440:duration=6:sample_rate=48000" \
	-filter_complex "[1:a]volume=0.1[a]" -map 0:v -map "[a]" \
	-c:v libvpx -b:v 120k -deadline good -c:a libopus -b:a 24k -shortest "$out/clip.webm"
ffmpeg -hide_banner -loglevel error -y -ss 1 -i "$out/clip.webm" -frames:v 1 -q:v 6 "$out/poster.jpg"
