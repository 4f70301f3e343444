using PerfEval.Core.Forms;

namespace PerfEval.Core.Rules;

/// <summary>
/// A consistency rule: pure and deterministic (no IO, no clock, invariant culture). A rule whose input did not
/// parse says nothing: the reader already reported that.
/// </summary>
public interface IRule
{
    RuleDescriptor Descriptor { get; }

    IEnumerable<Finding> Evaluate(Submission submission);
}
