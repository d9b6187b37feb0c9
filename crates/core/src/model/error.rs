//! What is wrong with a model file, each problem with its file, line and column.

use std::fmt;

/// One thing wrong with a model file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelProblem {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ModelProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// Everything wrong with a model file (at least one problem).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ModelError {
    pub problems: Vec<ModelProblem>,
}

impl ModelError {
    /// One problem with no line to name (a folder that cannot be read, …).
    pub fn single(file: &str, message: impl Into<String>) -> ModelError {
        ModelError {
            problems: vec![ModelProblem {
                file: file.to_string(),
                line: 1,
                column: 1,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}
