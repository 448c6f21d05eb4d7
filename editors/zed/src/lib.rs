// Zed attaches a language server only through an extension: this one runs the `nvlint server` found on
// PATH (pip install 'nvlint[server]'), for the languages extension.toml lists.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Nvlint;

impl zed::Extension for Nvlint {
    fn new() -> Self {
        Nvlint
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree
            .which("nvlint")
            .ok_or_else(|| "nvlint is not on PATH: pip install 'nvlint[server]'".to_string())?;
        Ok(zed::Command {
            command,
            args: vec!["server".to_string()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Nvlint);
