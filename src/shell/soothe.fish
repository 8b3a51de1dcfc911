# soothe: one key to a calm breath. Put in ~/.config/fish/config.fish:
#   soothe init fish | source
# SOOTHE_NOBIND=1 defines the function without binding a key.

function soothe-widget --description 'soothe: a calm breath'
    if set -q TMUX; and command -q tmux
        tmux display-popup -EE -w 80% -h 80% "SOOTHE_LAUNCHER=popup '{{PATH}}' {{EXERCISE}}"
    else
        env SOOTHE_LAUNCHER=shell '{{PATH}}' {{EXERCISE}} </dev/tty >/dev/tty 2>&1
    end
    commandline -f repaint
end

if not set -q SOOTHE_NOBIND
    # For `soothe doctor`: a key is bound in this shell.
    set -gx SOOTHE_INIT fish
    bind {{KEY}} soothe-widget
    bind -M insert {{KEY}} soothe-widget 2>/dev/null
end
