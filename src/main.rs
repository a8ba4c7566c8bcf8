//! The `noticeguard` binary: parse the command line, set up logging, dispatch.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
