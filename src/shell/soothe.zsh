# soothe: one key to a calm breath. Put in ~/.zshrc:
#   eval "$(soothe init zsh)"
# SOOTHE_NOBIND=1 defines the widget without binding a key.

soothe-widget() {
    if [[ -n ${TMUX-} ]] && (( $+commands[tmux] )); then
        tmux display-popup -EE -w 80% -h 80% "SOOTHE_LAUNCHER=popup '{{PATH}}' {{EXERCISE}}"
    else
        # Leave the line being typed as it is, and give soothe the terminal.
        zle -I
        SOOTHE_LAUNCHER=shell '{{PATH}}' {{EXERCISE}} </dev/tty >/dev/tty 2>&1
        # soothe turns bracketed paste off as it leaves; zle wants it on.
        [[ -n ${zle_bracketed_paste-} ]] && print -rn -- $zle_bracketed_paste[1] >/dev/tty
    fi
    zle reset-prompt
}
zle -N soothe-widget

if [[ -z ${SOOTHE_NOBIND-} ]]; then
    # For `soothe doctor`: a key is bound in this shell.
    export SOOTHE_INIT=zsh
    bindkey '{{KEY}}' soothe-widget
fi
