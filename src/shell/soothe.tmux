# soothe: one key to a calm breath, prefix + {{KEY}}, in a popup over any pane.
# Add to ~/.tmux.conf:  soothe init tmux >> ~/.tmux.conf   (then: tmux source ~/.tmux.conf)
bind-key {{KEY}} display-popup -EE -w 80% -h 80% "SOOTHE_LAUNCHER=popup '{{PATH}}' {{EXERCISE}}"
