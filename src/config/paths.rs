//! Where things live: XDG paths, overridden by flags and environment variables.

use super::{ConfigError, Env, Overrides};
use std::path::PathBuf;

fn home(env: &Env) -> PathBuf {
    env.get("HOME")
        .map_or_else(|| PathBuf::from("."), PathBuf::from)
}

/// `--data-dir`, else `CARNET_DATA_DIR`, else `$XDG_DATA_HOME/carnet` (`~/.local/share/carnet`).
pub fn data_dir(overrides: &Overrides, env: &Env) -> PathBuf {
    if let Some(dir) = &overrides.data_dir {
        return dir.clone();
    }
    if let Some(dir) = env.get("CARNET_DATA_DIR") {
        return PathBuf::from(dir);
    }
    let base = env
        .get("XDG_DATA_HOME")
        .map_or_else(|| home(env).join(".local/share"), PathBuf::from);
    base.join("carnet")
}

/// The demo store: `--data-dir` when given, else a sibling of the user's store, so the
/// fictional territory never mixes with real records.
pub fn demo_dir(overrides: &Overrides, env: &Env) -> PathBuf {
    if let Some(dir) = &overrides.data_dir {
        return dir.clone();
    }
    let real = data_dir(overrides, env);
    let name = real
        .file_name()
        .map_or_else(|| "carnet".into(), |n| n.to_string_lossy().into_owned());
    real.with_file_name(format!("{name}-demo"))
}

/// `--config`, else `CARNET_CONFIG`, else `$XDG_CONFIG_HOME/carnet/config.toml` when it
/// exists. A file named explicitly must exist.
pub fn config_file(overrides: &Overrides, env: &Env) -> Result<Option<PathBuf>, ConfigError> {
    let explicit = overrides
        .config_file
        .clone()
        .or_else(|| env.get("CARNET_CONFIG").map(PathBuf::from));
    if let Some(path) = explicit {
        if !path.is_file() {
            return Err(ConfigError {
                file: path,
                line: None,
                detail: super::ConfigDetail::NotFound,
            });
        }
        return Ok(Some(path));
    }
    let base = env
        .get("XDG_CONFIG_HOME")
        .map_or_else(|| home(env).join(".config"), PathBuf::from);
    let path = base.join("carnet/config.toml");
    Ok(path.is_file().then_some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_follows_flag_then_env_then_xdg() {
        let env = Env {
            vars: vec![("HOME".into(), "/home/a".into())],
        };
        let none = Overrides::default();
        assert_eq!(
            data_dir(&none, &env),
            PathBuf::from("/home/a/.local/share/carnet")
        );
        assert_eq!(
            demo_dir(&none, &env),
            PathBuf::from("/home/a/.local/share/carnet-demo")
        );
        let env2 = Env {
            vars: vec![("CARNET_DATA_DIR".into(), "/srv/c".into())],
        };
        assert_eq!(data_dir(&none, &env2), PathBuf::from("/srv/c"));
        let flag = Overrides {
            data_dir: Some("/tmp/x".into()),
            ..Overrides::default()
        };
        assert_eq!(data_dir(&flag, &env2), PathBuf::from("/tmp/x"));
        assert_eq!(demo_dir(&flag, &env2), PathBuf::from("/tmp/x"));
    }
}
