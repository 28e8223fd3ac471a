# Sourced by ./test and ./gmm demo: installs the native pieces the project needs, as root via
# apt-get, or says the one command to run.

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing packages: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}" >&2
        return 1
    fi
    echo "Installing ${missing[*]}..." >&2
    # Wait (up to 10 minutes) for another apt or dpkg process to release its lock rather
    # than fail at once: apt 2.x honours DPkg::Lock::Timeout for update's lists lock too.
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        "${missing[@]}" >/dev/null
}

ensure_viewer_deps() {
    # The viewer: headless OpenGL (EGL + Mesa llvmpipe), GLFW windows, ffmpeg for MP4.
    apt_install libegl1 libegl-mesa0 libgl1-mesa-dri libglfw3 ffmpeg
}

ensure_test_deps() {
    ensure_viewer_deps
    # The window tests run their own X server, read window titles with xwininfo, capture the
    # screen with xwd (x11-apps) and press keys and drag the mouse with xdotool; the
    # Distributed tests start MPICH jobs.
    apt_install xvfb x11-utils x11-apps xdotool mpich
}
