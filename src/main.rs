fn main() -> std::process::ExitCode {
    cellule::cli::main()
}
