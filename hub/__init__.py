"""JupyterHub for Fadaa: PIN login over the roster, a server per person chosen by her group, the demo hub."""
