// PerfEval pages: small enhancements only; every page works without this script.
// Loaded from this site (the content security policy allows no inline script).
(function () {
    "use strict";

    var STEP_CLASSES = {
        queued: { queued: "is-current" },
        processing: { queued: "is-done", processing: "is-current" },
        done: { queued: "is-done", processing: "is-done", finished: "is-done" },
        failed: { queued: "is-done", processing: "is-done", finished: "is-failed" }
    };

    function field(root, name) {
        return root.querySelector('[data-field="' + name + '"]');
    }

    function setText(root, name, value) {
        var element = field(root, name);
        if (element && value !== undefined && value !== null) {
            element.textContent = String(value);
        }
    }

    function showState(root, submission) {
        var state = submission.state;
        root.setAttribute("data-state", state);
        var label = field(root, "state-label");
        if (label) {
            label.textContent = root.getAttribute("data-label-" + state) || state;
            label.className = "state state-" + state;
        }

        var classes = STEP_CLASSES[state] || {};
        root.querySelectorAll("[data-step]").forEach(function (step) {
            step.classList.remove("is-done", "is-current", "is-failed");
            var name = classes[step.getAttribute("data-step")];
            if (name) {
                step.classList.add(name);
            }
        });

        var finished = state === "done" || state === "failed";
        root.querySelectorAll("[data-when]").forEach(function (part) {
            var when = part.getAttribute("data-when");
            part.hidden = !(when === state || (when === "pending" && !finished));
        });

        setText(root, "errorCount", submission.errorCount);
        setText(root, "warningCount", submission.warningCount);
        setText(root, "findingCount", submission.findingCount);
        if (submission.error) {
            setText(root, "error-message", submission.error.message);
        }

        return finished;
    }

    // The status page: polls the submission with the sign-in cookie until it is done or failed.
    function pollStatus(root) {
        var url = root.getAttribute("data-poll-url");
        var delay = 1000;
        var state = root.getAttribute("data-state");
        if (!url || state === "done" || state === "failed") {
            return;
        }

        function tick() {
            fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, cache: "no-store" })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("status " + response.status);
                    }
                    return response.json();
                })
                .then(function (submission) {
                    delay = 1000;
                    if (!showState(root, submission)) {
                        window.setTimeout(tick, delay);
                    }
                })
                .catch(function () {
                    // The server may be restarting: try again, less often.
                    delay = Math.min(delay * 2, 15000);
                    window.setTimeout(tick, delay);
                });
        }

        window.setTimeout(tick, 500);
    }

    // The upload form: refuses a file that is too large or an old .doc/.wps before sending it.
    function checkUpload(form) {
        var input = form.querySelector('input[type="file"][data-max-bytes]');
        var message = form.querySelector("[data-file-error]");
        if (!input || !message) {
            return;
        }

        input.addEventListener("change", function () {
            var file = input.files && input.files[0];
            var problem = "";
            if (file) {
                if (file.size > Number(input.getAttribute("data-max-bytes"))) {
                    problem = input.getAttribute("data-too-large");
                } else if (/\.(doc|wps)$/i.test(file.name)) {
                    problem = input.getAttribute("data-legacy");
                }
            }

            input.setCustomValidity(problem);
            message.textContent = problem;
            message.hidden = !problem;
        });
    }

    // The account form: the unit field only for unit accounts.
    function toggleUnit(form) {
        var select = form.querySelector("[data-role-select]");
        if (!select) {
            return;
        }

        function update() {
            var isUnit = select.value === "unit";
            form.querySelectorAll("[data-unit-field]").forEach(function (element) {
                element.hidden = !isUnit;
                if (element.tagName === "INPUT") {
                    element.required = isUnit;
                }
            });
        }

        select.addEventListener("change", update);
        update();
    }

    function confirmSubmit(form) {
        form.addEventListener("submit", function (event) {
            if (!window.confirm(form.getAttribute("data-confirm"))) {
                event.preventDefault();
            }
        });
    }

    // The submission page: a finding's link scrolls to its place in the document and highlights it together with the
    // places it refers to (both sides of a cross-reference). Without this script the link's #fragment still scrolls.
    function highlightFindings(panel) {
        panel.addEventListener("click", function (event) {
            var link = event.target.closest ? event.target.closest("a[data-place]") : null;
            if (!link) {
                return;
            }

            var place = document.getElementById(link.getAttribute("data-place"));
            if (!place) {
                return;
            }

            event.preventDefault();
            document.querySelectorAll(".is-highlighted").forEach(function (element) {
                element.classList.remove("is-highlighted");
            });
            document.querySelectorAll(".finding.is-current").forEach(function (element) {
                element.classList.remove("is-current");
            });
            var related = (link.getAttribute("data-related") || "").split(" ").filter(Boolean);
            [place].concat(related.map(function (id) { return document.getElementById(id); })).forEach(function (element) {
                if (element) {
                    element.classList.add("is-highlighted");
                }
            });
            var item = link.closest(".finding");
            if (item) {
                item.classList.add("is-current");
            }

            place.scrollIntoView({ behavior: "smooth", block: "center" });
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-poll-url]").forEach(pollStatus);
        document.querySelectorAll("[data-upload-form]").forEach(checkUpload);
        document.querySelectorAll("[data-account-form]").forEach(toggleUnit);
        document.querySelectorAll("form[data-confirm]").forEach(confirmSubmit);
        document.querySelectorAll("[data-testid=findings]").forEach(highlightFindings);
    });
}());
