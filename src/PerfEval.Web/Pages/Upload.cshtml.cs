using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PerfEval.Web.Auth;
using PerfEval.Web.Features.Accounts;
using PerfEval.Web.Features.Submissions;
using PerfEval.Web.Hosting;

namespace PerfEval.Web.Pages;

/// <summary>
/// Upload a report (unit; admin on a unit's behalf). The fields are checked as the API checks them, then
/// <see cref="UploadSubmission.Command"/> goes to the same handler, which sniffs the bytes and refuses what cannot be
/// read with a Chinese reason. An accepted file goes to its status page.
/// </summary>
[UploadLimit]
public sealed class UploadModel(IMediator mediator, IOptions<PerfEvalOptions> options, TimeProvider clock) : PageModel
{
    public Viewer Viewer { get; private set; } = Viewer.System;

    public long MaxBytes => options.Value.Upload.MaxBytes;

    public string Year { get; private set; } = string.Empty;

    public string? Note { get; private set; }

    public string? Unit { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Units an admin can pick from (typing another name is allowed).</summary>
    public IReadOnlyList<string> Units { get; private set; } = [];

    public async Task OnGetAsync(string? error, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        Year = (clock.GetUtcNow().AddHours(8).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (error == "too-large")
        {
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            Errors.Add(TooLargeMessage());
        }
    }

    public async Task<IActionResult> OnPostAsync(
        [FromForm(Name = "file")] IFormFile? file, string? year, string? note, string? unit, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        Year = year?.Trim() ?? string.Empty;
        Note = note?.Trim();
        Unit = unit?.Trim();

        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            Errors.Add("请选择要上传的报告文件（.docx、.txt 或 .html）。");
        }

        if (!int.TryParse(Year, out var fiscalYear) || fiscalYear is < 2000 or > 2100)
        {
            Errors.Add("请填写报告所属的预算年度（四位数字，如 2023）。");
        }

        if (Note is { Length: > UploadSubmission.MaxNoteLength })
        {
            Errors.Add($"备注不能超过 {UploadSubmission.MaxNoteLength} 个字。");
        }

        string unitName;
        if (Viewer.IsUnit)
        {
            if (string.IsNullOrEmpty(Viewer.UnitName))
            {
                Errors.Add("该报送账号没有绑定所属单位，不能上传。请联系系统管理员为账号设置单位。");
            }

            unitName = Viewer.UnitName ?? string.Empty;
        }
        else
        {
            unitName = Unit ?? string.Empty;
            if (unitName.Length == 0)
            {
                Errors.Add("代单位上传时，请填写报送单位的名称。");
            }
            else if (unitName.Length > UploadSubmission.MaxUnitLength)
            {
                Errors.Add($"单位名称不能超过 {UploadSubmission.MaxUnitLength} 个字。");
            }
        }

        if (file is not null && file.Length > MaxBytes)
        {
            Errors.Add(TooLargeMessage());
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Page();
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var content = new byte[file!.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var command = new UploadSubmission.Command(unitName, fiscalYear, UploadSubmission.SanitizeFileName(file.FileName),
            string.IsNullOrEmpty(Note) ? null : Note, content) { UploadedBy = Viewer.UserName };
        switch (await mediator.Send(command, cancellationToken))
        {
            case UploadSubmission.Created created:
                return Redirect($"/submissions/{created.Id}/status");
            case UploadSubmission.Existing existing:
                TempData["Message"] = $"该文件此前已经上传过（第 {existing.Version} 版），下面是那次上传的处理情况。";
                return Redirect($"/submissions/{existing.Id}/status");
            case UploadSubmission.Refused refused:
                Errors.Add(refused.Message);
                Response.StatusCode = refused.Status;
                return Page();
            default:
                throw new InvalidOperationException("Unknown upload response.");
        }
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        Viewer = Viewer.From(User);
        if (!Viewer.IsUnit)
        {
            Units = (await mediator.Send(new ManageAccounts.ListOrganisations(), cancellationToken)).Select(o => o.Name).ToList();
        }
    }

    private string TooLargeMessage() =>
        $"文件过大：不能超过 {Display.Megabytes(MaxBytes)} MB。请删除嵌入的图片等无关内容后重新上传，或将报告拆分为多个文件。";
}
