from .cli import main

if __name__ == "__main__":  # not when a bench child process (spawn) re-imports it
    raise SystemExit(main())
