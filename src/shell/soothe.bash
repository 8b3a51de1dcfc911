# soothe: one key to a calm breath. Put in ~/.bashrc:
#   eval "$(soothe init bash)"
# SOOTHE_NOBIND=1 defines the widget without binding a key.

__soothe_widget() {
    if [[ -n ${TMUX-} ]] && command -v tmux >/dev/null 2>&1; then
        tmux display-popup -EE -w 80% -h 80% "SOOTHE_LAUNCHER=popup '{{PATH}}' {{EXERCISE}}"
    else
        SOOTHE_LAUNCHER=shell '{{PATH}}' {{EXERCISE}} </dev/tty >/dev/tty 2>&1
        # soothe turns bracketed paste off as it leaves; readline wants it on.
        if [[ $(bind -v 2>/dev/null) == *"enable-bracketed-paste on"* ]]; then
            printf '\e[?2004h' >/dev/tty
        fi
    fi
}

if [[ -z ${SOOTHE_NOBIND-} ]]; then
    # For `soothe doctor`: a key is bound in this shell.
    export SOOTHE_INIT=bash
    bind -x '"{{KEY}}": __soothe_widget'
fi
