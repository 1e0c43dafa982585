//! The command line's own words: help with Vietnamese headings first, and misuse (a mistyped
//! command, an unknown option, a missing argument) explained in Vietnamese, or English with
//! `--lang en`, with the command that was probably meant. clap's parser does the parsing; only
//! what it prints is replaced.

use super::{Cli, EXIT_OK, EXIT_USAGE};
use crate::diagnostics::Lang;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

const TEMPLATE: &str = "{about-with-newline}\nCách dùng / Usage: {usage}\n\n{all-args}{after-help}";
const ARGUMENTS: &str = "Đối số / Arguments";
const OPTIONS: &str = "Tùy chọn / Options";
const COMMANDS: &str = "Lệnh / Commands";
const HELP: &str = "help";

/// The command line with its help in Vietnamese first.
pub fn command() -> Command {
    let help = Command::new(HELP).about(
        "In trợ giúp của một lệnh, ví dụ: niemyet help import / Print the help of a command, e.g. niemyet help import",
    );
    localize(Cli::command())
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In số phiên bản / Print the version")
                .help_heading(OPTIONS),
        )
        .subcommand(help)
}

fn localize(cmd: Command) -> Command {
    // under a heading of its own clap sorts arguments by name: keep the order they are typed in
    let mut order = 0;
    cmd.help_template(TEMPLATE)
        .subcommand_help_heading(COMMANDS)
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .mut_args(move |a| {
            order += 1;
            let heading = if a.is_positional() {
                ARGUMENTS
            } else {
                OPTIONS
            };
            a.help_heading(heading).display_order(order)
        })
        .arg(
            Arg::new(HELP)
                .short('h')
                .long(HELP)
                .action(ArgAction::Help)
                .help("In trợ giúp này / Print this help")
                .help_heading(OPTIONS),
        )
        .mut_subcommands(localize)
}

/// Parses the arguments (the program's name first), printing help, the version or what is
/// wrong; `Err` holds the exit code.
pub fn parse(args: Vec<OsString>) -> Result<Cli, u8> {
    let lang = lang_of(&args);
    let mut cmd = command();
    let args = help_as_flag(args, &cmd);
    let parsed = cmd
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            EXIT_OK
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            EXIT_USAGE
        }
        _ => {
            eprint!("{}", explain(&e, lang));
            EXIT_USAGE
        }
    })
}

/// The language asked for with `--lang`, read before parsing so that a parse error speaks it.
fn lang_of(args: &[OsString]) -> Lang {
    let args: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let en = args.windows(2).any(|w| w[0] == "--lang" && w[1] == "en")
        || args.iter().any(|a| a == "--lang=en");
    if en { Lang::En } else { Lang::Vi }
}

/// `niemyet help import candidates` → `niemyet import --help`: the words after `help` that
/// name commands, then `--help`; the first that does not (a value such as `candidates`) ends
/// the list.
fn help_as_flag(args: Vec<OsString>, cmd: &Command) -> Vec<OsString> {
    let mut out = Vec::with_capacity(args.len() + 1);
    let mut current = cmd;
    let mut words = args.into_iter();
    out.extend(words.next());
    while let Some(word) = words.next() {
        let text = word.to_string_lossy().into_owned();
        if text == HELP && current.has_subcommands() {
            for next in words.by_ref() {
                let Some(sub) = current.find_subcommand(&next) else {
                    break;
                };
                current = sub;
                out.push(next);
            }
            out.push("--help".into());
            return out;
        }
        if let Some(sub) = current.find_subcommand(&text) {
            current = sub;
        }
        out.push(word);
    }
    out
}

/// What is wrong with the command line, what was probably meant, and where to read more.
fn explain(e: &clap::Error, lang: Lang) -> String {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let usage = text(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
    // the command typed so far: the words of the usage line before its first placeholder
    let path: Vec<&str> = usage
        .split_whitespace()
        .take_while(|w| !w.starts_with(['[', '<', '-']))
        .collect();
    let path = if path.is_empty() {
        "niemyet".to_string()
    } else {
        path.join(" ")
    };
    let bad = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let (vi, en) = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            let word = text(ContextKind::InvalidSubcommand);
            (
                format!("không có lệnh “{word}”."),
                format!("there is no command “{word}”."),
            )
        }
        ErrorKind::UnknownArgument => (
            format!("lệnh {path} không có tùy chọn hay đối số “{bad}”."),
            format!("{path} takes no option or argument “{bad}”."),
        ),
        ErrorKind::MissingRequiredArgument => (
            format!("lệnh {path} còn thiếu: {bad}."),
            format!("{path} still needs: {bad}."),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => (
            format!("giá trị “{value}” không dùng được cho {bad}."),
            format!("the value “{value}” cannot be used for {bad}."),
        ),
        ErrorKind::MissingSubcommand => (
            format!("lệnh {path} cần thêm một lệnh con."),
            format!("{path} needs a subcommand."),
        ),
        _ => {
            let clap_says = e.render().to_string();
            let first = clap_says.lines().next().unwrap_or_default();
            let first = first.trim_start_matches("error: ").to_string();
            (format!("lệnh gõ chưa đúng ({first})."), format!("{first}."))
        }
    };
    let mut fixes: Vec<(String, String)> = Vec::new();
    let suggested = text(ContextKind::SuggestedSubcommand);
    if !suggested.is_empty() {
        let meant = suggested
            .split(", ")
            .map(|s| format!("`{path} {s}`"))
            .collect::<Vec<_>>()
            .join(", ");
        fixes.push((
            format!("có phải ý bạn là {meant}?"),
            format!("did you mean {meant}?"),
        ));
    }
    for kind in [ContextKind::SuggestedArg, ContextKind::SuggestedValue] {
        let meant = text(kind);
        if !meant.is_empty() {
            fixes.push((
                format!("có phải ý bạn là `{meant}`?"),
                format!("did you mean `{meant}`?"),
            ));
        }
    }
    let valid = text(ContextKind::ValidValue);
    if !valid.is_empty() {
        fixes.push((
            format!("các giá trị dùng được: {valid}."),
            format!("possible values: {valid}."),
        ));
    }
    fixes.push((
        format!("xem cách dùng: {path} --help"),
        format!("see how to use it: {path} --help"),
    ));
    let (error, fix, usage_title) = match lang {
        Lang::Vi => ("lỗi", "cách sửa", "Cách dùng"),
        Lang::En => ("error", "how to fix", "Usage"),
    };
    let mut out = format!("{error}: {}\n", lang.pick(&vi, &en));
    for (vi, en) in &fixes {
        out.push_str(&format!("  = {fix}: {}\n", lang.pick(vi, en)));
    }
    if !usage.is_empty() {
        out.push_str(&format!("\n{usage_title}: {usage}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<OsString> {
        line.split_whitespace().map(OsString::from).collect()
    }

    fn error(line: &str, lang: Lang) -> String {
        let e = command().try_get_matches_from(args(line)).unwrap_err();
        explain(&e, lang)
    }

    #[test]
    fn a_mistyped_command_is_named_in_vietnamese_with_the_one_meant() {
        let vi = error("niemyet buld", Lang::Vi);
        assert!(vi.starts_with("lỗi: không có lệnh “buld”."), "{vi}");
        assert!(vi.contains("có phải ý bạn là `niemyet build`?"), "{vi}");
        let en = error("niemyet buld", Lang::En);
        assert!(en.contains("did you mean `niemyet build`?"), "{en}");
        assert!(!en.contains("lỗi"), "{en}");
        let nested = error("niemyet new cadidate", Lang::Vi);
        assert!(nested.contains("`niemyet new candidate`"), "{nested}");
    }

    #[test]
    fn options_values_and_missing_arguments_are_explained() {
        let unknown = error("niemyet build --ouput x", Lang::Vi);
        assert!(
            unknown.contains("không có tùy chọn hay đối số “--ouput”"),
            "{unknown}"
        );
        assert!(unknown.contains("`--output`"), "{unknown}");
        let value = error("niemyet --lang fr check", Lang::Vi);
        assert!(
            value.contains("“fr”") && value.contains("vi, en"),
            "{value}"
        );
        let missing = error("niemyet new candidate", Lang::Vi);
        assert!(missing.contains("còn thiếu: <ROUND>"), "{missing}");
    }

    #[test]
    fn help_names_commands_up_to_the_first_value() {
        let cmd = command();
        let rewritten = help_as_flag(args("niemyet help import candidates"), &cmd);
        assert_eq!(rewritten, args("niemyet import --help"));
        let rewritten = help_as_flag(args("niemyet --lang en help new site"), &cmd);
        assert_eq!(rewritten, args("niemyet --lang en new site --help"));
        assert_eq!(
            help_as_flag(args("niemyet help"), &cmd),
            args("niemyet --help")
        );
    }

    #[test]
    fn help_reads_in_vietnamese_first() {
        let help = command().render_help().to_string();
        assert!(help.contains("Cách dùng / Usage:"), "{help}");
        assert!(help.contains("Lệnh / Commands"), "{help}");
        assert!(help.contains("In trợ giúp này / Print this help"), "{help}");
        assert!(!help.contains("Print this message"), "{help}");
        let mut cmd = command();
        cmd.build();
        let site = cmd
            .find_subcommand_mut("new")
            .and_then(|n| n.find_subcommand_mut("site"))
            .map(|s| s.render_help().to_string())
            .unwrap_or_default();
        assert!(site.contains("Thư mục sẽ tạo"), "{site}");
        assert!(!site.contains("--content"), "{site}");
    }
}
