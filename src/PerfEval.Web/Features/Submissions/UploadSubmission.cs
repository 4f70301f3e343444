using System.Security.Cryptography;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PerfEval.Core.Documents;
using PerfEval.Web.Auth;
using PerfEval.Web.Data;
using PerfEval.Web.Hosting;
using PerfEval.Web.Jobs;

namespace PerfEval.Web.Features.Submissions;

/// <summary>
/// <c>POST /api/submissions</c> (multipart: <c>file</c>, <c>year</c>, optional <c>note</c> and <c>unit</c>): refuses
/// what cannot be a report before storing anything, returns the existing submission when the same unit sends the same
/// bytes again, otherwise stores the bytes, then enqueues processing and answers 202 with the status URL.
/// </summary>
public static class UploadSubmission
{
    public const int MaxNoteLength = 2000;
    public const int MaxUnitLength = 200;
    private const int MaxFileNameLength = 255;

    /// <summary>Room for the multipart framing and the small fields around the file.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public sealed record Command(string Unit, int Year, string FileName, string? Note, byte[] Content) : ICommand<Response>
    {
        /// <summary>The account that uploads (kept with the submission).</summary>
        public string? UploadedBy { get; init; }
    }

    public abstract record Response;

    /// <summary>A new submission, stored and queued.</summary>
    public sealed record Created(Guid Id, int Version) : Response;

    /// <summary>The same unit sent the same bytes before: that submission.</summary>
    public sealed record Existing(Guid Id, int Version, SubmissionState State) : Response;

    /// <summary>Not stored: the HTTP status, a stable code and the reason in Chinese.</summary>
    public sealed record Refused(int Status, string Code, string Message) : Response;

    /// <summary>What the client gets back for an accepted or repeated upload.</summary>
    public sealed record Receipt(Guid Id, int Version, SubmissionState State, bool Duplicate, string StatusUrl);

    /// <summary>The multipart form, for the OpenAPI document. <c>unit</c> is for an admin uploading on a unit's
    /// behalf; a unit account always uploads for its own organisation.</summary>
    public sealed record UploadForm(IFormFile File, int Year, string? Note, string? Unit);

    public sealed class Handler(
        PerfEvalDbContext db,
        IBackgroundJobClient jobs,
        IOptions<PerfEvalOptions> options,
        TimeProvider clock) : ICommandHandler<Command, Response>
    {
        /// <summary>Stores attempted per upload before answering 503 (the unique indexes refused every one).</summary>
        private const int MaxStoreAttempts = 8;

        /// <summary>Turns by unit (striped: a unit always maps to the same one), shared by all requests of this process.</summary>
        private static readonly SemaphoreSlim[] UnitTurns = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

        public async ValueTask<Response> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var max = options.Value.Upload.MaxBytes;
            if (command.Content.LongLength > max)
            {
                return TooLarge(command.Content.LongLength, max);
            }

            SourceFormat format;
            try
            {
                format = FormatSniffer.Sniff(command.Content, command.FileName);
            }
            catch (DocumentReadException ex)
            {
                return new Refused(Problems.StatusFor(ex.Code), ex.Code, ex.Message);
            }

            var sha = Convert.ToHexStringLower(SHA256.HashData(command.Content));

            // Uploads for the same unit take turns in this process, so they do not race for a version number. Two API
            // processes can still race: the unique indexes then refuse one of them, and another look finds the winner
            // (same bytes) or the next free version number.
            var turn = UnitTurns[(int)((uint)StringComparer.Ordinal.GetHashCode(command.Unit) % (uint)UnitTurns.Length)];
            await turn.WaitAsync(cancellationToken);
            try
            {
                return await StoreAsync(command, format, sha, cancellationToken);
            }
            finally
            {
                turn.Release();
            }
        }

        private async Task<Response> StoreAsync(Command command, SourceFormat format, string sha, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                // One round trip for both questions: the unit's submission with these bytes, if any, and the
                // versions it already has for this year (a handful of rows).
                var known = await db.Submissions.AsNoTracking()
                    .Where(s => s.UnitName == command.Unit && (s.Sha256 == sha || s.Year == command.Year))
                    .Select(s => new { s.Id, s.Version, s.State, s.Sha256, s.Year })
                    .ToListAsync(cancellationToken);
                var existing = known.Find(s => s.Sha256 == sha);
                if (existing is not null)
                {
                    return new Existing(existing.Id, existing.Version, existing.State);
                }

                var version = 1 + (known.Where(s => s.Year == command.Year).Max(s => (int?)s.Version) ?? 0);
                var submission = new Submission
                {
                    Id = Guid.CreateVersion7(),
                    UnitName = command.Unit,
                    Year = command.Year,
                    FileName = command.FileName,
                    ContentType = ContentTypeOf(format),
                    Size = command.Content.LongLength,
                    Sha256 = sha,
                    Note = command.Note,
                    Version = version,
                    State = SubmissionState.Queued,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                    UploadedBy = command.UploadedBy,
                    File = new StoredFile { Content = command.Content },
                };
                db.Submissions.Add(submission);

                // On PostgreSQL the two inserts (the submission and its bytes) go out as one batch, which the server
                // runs as one implicit transaction (it commits or rolls back everything up to the batch's Sync), so
                // the explicit transaction EF Core would wrap them in only costs its COMMIT round trip. Elsewhere each
                // insert is a statement of its own and the transaction stays.
                db.Database.AutoTransactionBehavior = db.Database.IsNpgsql()
                    ? AutoTransactionBehavior.Never
                    : AutoTransactionBehavior.WhenNeeded;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException) when (attempt < MaxStoreAttempts - 1)
                {
                    db.ChangeTracker.Clear();
                    await Task.Delay(Random.Shared.Next(5, 30) * (attempt + 1), cancellationToken);
                    continue;
                }
                catch (DbUpdateException)
                {
                    // Nothing was stored; say so plainly rather than fail with an internal error.
                    db.ChangeTracker.Clear();
                    return new Refused(
                        StatusCodes.Status503ServiceUnavailable,
                        ApiErrorCodes.Busy,
                        "系统繁忙，本次上传未能保存（同一单位同时上传的文件较多）。请稍后重新上传；已上传成功的文件不受影响。");
                }

                // Stored first, then enqueued: a job never looks for bytes that are not there yet.
                ProcessSubmissionJob.Enqueue(jobs, submission.Id);
                return new Created(submission.Id, version);
            }
        }

        private static Refused TooLarge(long size, long max) => new(
            StatusCodes.Status413PayloadTooLarge,
            ReadErrorCodes.TooLarge,
            $"文件过大（{size / 1024.0 / 1024.0:0.0} MB），超过 {max / 1024.0 / 1024.0:0.#} MB 的上限。请删除嵌入的图片等无关内容后重新上传，或将报告拆分为多个文件。");
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder group) =>
        group.MapPost("/", HandleAsync)
            .WithName(nameof(UploadSubmission))
            .WithSummary("上传一份自评材料")
            .Accepts<UploadForm>("multipart/form-data")
            .Produces<Receipt>(StatusCodes.Status202Accepted)
            .Produces<Receipt>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<Accepted<Receipt>, Ok<Receipt>, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        System.Security.Claims.ClaimsPrincipal user,
        IMediator mediator,
        IOptions<PerfEvalOptions> options,
        CancellationToken cancellationToken)
    {
        var max = options.Value.Upload.MaxBytes;
        var read = await ReadFormAsync(request, max, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var viewer = Viewer.From(user);
        var command = read.Command!;
        if (viewer.IsUnit)
        {
            if (string.IsNullOrEmpty(viewer.UnitName))
            {
                return Problems.Create(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, "账号未绑定单位",
                    "该报送账号没有绑定所属单位，不能上传。请联系系统管理员为账号设置单位。");
            }

            if (command.Unit.Length > 0 && command.Unit != viewer.UnitName)
            {
                return Problems.Create(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, "不能代其他单位报送",
                    $"当前账号属于“{viewer.UnitName}”，只能上传本单位的材料。unit 字段可以不填。");
            }

            command = command with { Unit = viewer.UnitName };
        }
        else if (command.Unit.Length == 0)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "缺少单位名称",
                "代单位上传时，请在 unit 字段填写报送单位的名称。");
        }

        var response = await mediator.Send(command with { UploadedBy = viewer.UserName }, cancellationToken);
        return response switch
        {
            Created c => TypedResults.Accepted(
                SubmissionView.SelfUrl(c.Id),
                new Receipt(c.Id, c.Version, SubmissionState.Queued, false, SubmissionView.SelfUrl(c.Id))),
            Existing e => TypedResults.Ok(new Receipt(e.Id, e.Version, e.State, true, SubmissionView.SelfUrl(e.Id))),
            Refused r => Problems.Create(r.Status, r.Code, Problems.FileRefusalTitle(r.Status), r.Message),
            _ => throw new InvalidOperationException("Unknown upload response."),
        };
    }

    private sealed record ReadResult(Command? Command, ProblemHttpResult? Problem);

    /// <summary>Reads and validates the multipart body; every refusal is a ProblemDetails with a Chinese message.</summary>
    private static async Task<ReadResult> ReadFormAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.NotMultipart, "上传请求的格式不正确",
                "请以 multipart/form-data 方式上传：文件放在 file 字段，年度放在 year 字段。");
        }

        var bodyLimit = maxBytes + MultipartOverhead;
        if (request.ContentLength > bodyLimit)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, ReadErrorCodes.TooLarge, Problems.FileRefusalTitle(StatusCodes.Status413PayloadTooLarge),
                $"上传内容过大，文件不能超过 {maxBytes / 1024.0 / 1024.0:0.#} MB。请删除嵌入的图片等无关内容后重新上传，或将报告拆分为多个文件。");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = bodyLimit;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bodyLimit }, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, ReadErrorCodes.TooLarge, Problems.FileRefusalTitle(StatusCodes.Status413PayloadTooLarge),
                $"上传内容过大，文件不能超过 {maxBytes / 1024.0 / 1024.0:0.#} MB。请删除嵌入的图片等无关内容后重新上传，或将报告拆分为多个文件。");
        }
        catch (BadHttpRequestException)
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "上传请求的格式不正确",
                "上传内容不完整或格式有误，请重新上传。");
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiErrorCodes.MissingFile, "缺少上传的文件",
                "请求中没有名为 file 的文件字段。请选择要上传的报告文件。");
        }

        if (!int.TryParse(form["year"].ToString().Trim(), out var year) || year is < 2000 or > 2100)
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidYear, "年度填写有误",
                "请在 year 字段填写报告所属的预算年度（四位数字，如 2023）。");
        }

        var note = form["note"].ToString().Trim();
        if (note.Length > MaxNoteLength)
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "备注过长", $"备注不能超过 {MaxNoteLength} 个字。");
        }

        var unit = form["unit"].ToString().Trim();
        if (unit.Length > MaxUnitLength)
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidField, "单位名称过长", $"单位名称不能超过 {MaxUnitLength} 个字。");
        }

        if (file.Length > maxBytes)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, ReadErrorCodes.TooLarge, Problems.FileRefusalTitle(StatusCodes.Status413PayloadTooLarge),
                $"文件过大（{file.Length / 1024.0 / 1024.0:0.0} MB），超过 {maxBytes / 1024.0 / 1024.0:0.#} MB 的上限。请删除嵌入的图片等无关内容后重新上传，或将报告拆分为多个文件。");
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var command = new Command(unit, year, SanitizeFileName(file.FileName), note.Length == 0 ? null : note, content);
        return new ReadResult(command, null);
    }

    private static ReadResult Refuse(int status, string code, string title, string detail) =>
        new(null, Problems.Create(status, code, title, detail));

    /// <summary>
    /// The file name part only: folders (either slash), control characters and surrounding dots and spaces are
    /// dropped, so a stored name can never point anywhere; an empty result becomes <c>upload</c>.
    /// </summary>
    public static string SanitizeFileName(string? name)
    {
        var text = (name ?? string.Empty).Replace('\\', '/');
        text = text[(text.LastIndexOf('/') + 1)..];
        text = new string(text.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray());
        text = text.Trim().Trim('.').Trim();
        if (text.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(text);
            text = extension.Length is > 0 and <= 16
                ? text[..(MaxFileNameLength - extension.Length)] + extension
                : text[..MaxFileNameLength];
        }

        return text.Length == 0 ? "upload" : text;
    }

    private static string ContentTypeOf(SourceFormat format) => format switch
    {
        SourceFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        SourceFormat.Html => "text/html",
        _ => "text/plain",
    };
}
