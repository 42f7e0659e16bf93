/* Microblog: small enhancements over static pages that already work without script.
   - shows the signed-in or guest parts of the page (cookie mb_user),
   - relative times ("3 minutes ago"),
   - the follow button that fits (from the signed-in reader's following.json),
   - signing up, logging in, posting and following without a reload (fetch with
     Accept: application/json): errors show next to the field, as the server's own pages show them.
   It spells no URL of its own: forms carry their actions, links their targets, and <body> the
   patterns of per-user pages (data-timeline-url, data-following-url, "{user}" to fill in), all
   rendered by the templates from core's SitePaths and ApiPaths. Markup comes from the templates
   too: a new post is the server's rendering of partials/post. */
(function () {
  "use strict";

  var lang = document.documentElement.lang || "en";
  var me = readCookie("mb_user");

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|;\\s*)" + name + "=([^;]*)"));
    if (!match) return null;
    try {
      return decodeURIComponent(match[1]) || null;
    } catch (e) {
      return null;
    }
  }

  /* A page of user's, from a pattern the templates put on <body> (SitePaths). */
  function userUrl(name, user) {
    var pattern = document.body.getAttribute(name);
    return pattern ? pattern.replace("{user}", encodeURIComponent(user)) : null;
  }

  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }

  /* Signed-in state: without script both the guest links and the logout form show. */
  function showSession() {
    each("[data-when]", function (el) {
      el.hidden = el.getAttribute("data-when") === (me ? "guest" : "member");
    });
    each("[data-owner]", function (el) {
      el.hidden = el.getAttribute("data-owner") !== me;
    });
    /* Reads never need a function: go straight to the static timeline. */
    if (me) {
      var timeline = userUrl("data-timeline-url", me);
      each("a[data-home]", function (a) {
        if (timeline) a.href = timeline;
      });
    }
  }

  /* Relative times; the absolute time stays in the title. */
  var units = [
    ["year", 31536000],
    ["month", 2592000],
    ["week", 604800],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
    ["second", 1]
  ];
  var relative = window.Intl && Intl.RelativeTimeFormat
    ? new Intl.RelativeTimeFormat(lang, { numeric: "auto" })
    : null;

  function relativeTime(date) {
    var seconds = Math.round((date.getTime() - Date.now()) / 1000);
    for (var i = 0; i < units.length; i++) {
      if (Math.abs(seconds) >= units[i][1] || units[i][0] === "second") {
        return relative.format(Math.round(seconds / units[i][1]), units[i][0]);
      }
    }
  }

  function showTimes(root) {
    if (!relative) return;
    each(".post time[datetime]", function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (isNaN(date)) return;
      if (!el.title) el.title = el.textContent;
      el.textContent = relativeTime(date);
    }, root);
  }

  /* Follow buttons: the one that fits, none on your own profile. */
  function showFollowButtons() {
    each("[data-follow-user]", function (box) {
      var user = box.getAttribute("data-follow-user");
      if (me === user) {
        box.hidden = true;
        return;
      }
      if (!me) {
        setFollowing(box, false);
        return;
      }
      var following = userUrl("data-following-url", me);
      if (!following) return;
      fetch(following, { cache: "no-cache" })
        .then(function (res) {
          return res.ok ? res.json() : [];
        })
        .then(function (following) {
          setFollowing(box, following.indexOf(user) >= 0);
        })
        .catch(function () {
          /* leave both forms: each still works */
        });
    });
  }

  function setFollowing(box, following) {
    each("form[data-follow-state]", function (form) {
      form.hidden = form.getAttribute("data-follow-state") !== (following ? "following" : "not-following");
    }, box);
  }

  /* Errors next to the field, as the server's own pages show them. */
  function clearErrors(form) {
    /* ours, and any the server wrote into a form it sent back */
    each(".error", function (el) {
      el.remove();
    }, form);
    each(".field.invalid", function (el) {
      el.classList.remove("invalid");
    }, form);
    each("[aria-invalid]", function (el) {
      el.removeAttribute("aria-invalid");
      var hint = el.id ? document.getElementById(el.id + "-hint") : null;
      if (hint) el.setAttribute("aria-describedby", hint.id);
      else el.removeAttribute("aria-describedby");
    }, form);
  }

  function showErrors(form, errors) {
    var first = null;
    Object.keys(errors).forEach(function (name) {
      var field = form.elements[name];
      var p = document.createElement("p");
      p.className = "error js-error";
      p.textContent = errors[name];
      if (field && field.nodeType === 1) {
        p.id = name + "-error";
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("aria-describedby", p.id);
        field.insertAdjacentElement("afterend", p);
        if (field.closest(".field")) field.closest(".field").classList.add("invalid");
        first = first || field;
      } else {
        p.classList.add("form-error");
        p.setAttribute("role", "alert");
        form.insertBefore(p, form.firstChild);
      }
    });
    if (first) first.focus();
  }

  function flash(id) {
    each(".flash.is-shown", function (el) {
      el.classList.remove("is-shown");
    });
    var el = document.getElementById(id);
    if (el) el.classList.add("is-shown");
  }

  /* The new post as the server rendered it (partials/post, the generator's own partial). */
  function postElement(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var article = template.content.firstElementChild;
    if (article) article.classList.add("is-new");
    return article;
  }

  function onPosted(form, data) {
    var list = document.querySelector("[data-posts]");
    var article = list && data.html ? postElement(data.html) : null;
    if (article) {
      list.insertBefore(article, list.firstChild);
      showTimes(article);
      each("[data-empty]", function (el) {
        el.hidden = true;
      });
    }
    form.reset();
    flash("posted");
  }

  function onFollowed(form) {
    var box = form.closest("[data-follow-user]");
    var nowFollowing = form.getAttribute("data-follow-state") === "not-following";
    setFollowing(box, nowFollowing);
    var count = document.querySelector('[data-count="followers"]');
    if (count && /^\d+$/.test(count.textContent.trim())) {
      count.textContent = String(Number(count.textContent) + (nowFollowing ? 1 : -1));
    }
    var other = box.querySelector("form:not([hidden]) button");
    if (other) other.focus();
    flash(nowFollowing ? "followed" : "unfollowed");
  }

  function send(form) {
    var button = form.querySelector("button[type=submit], button:not([type])");
    var networkError = (form.closest("[data-error-network]") || form).getAttribute("data-error-network");
    clearErrors(form);
    if (button) button.disabled = true;
    return fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      body: new URLSearchParams(new FormData(form))
    })
      .then(function (res) {
        var type = res.headers.get("Content-Type") || "";
        if (type.indexOf("json") < 0) {
          /* Not an answer for scripts: go where the server sent us. */
          if (res.redirected) location.assign(res.url);
          else showErrors(form, { form: networkError });
          return;
        }
        return res.json().then(function (data) {
          if (res.ok && data.ok !== false) {
            var kind = form.getAttribute("data-enhance");
            if (kind === "post") onPosted(form, data);
            else if (kind === "follow") onFollowed(form);
            else location.assign(data.redirect || "/"); /* signed up or in: the page the server names */
          } else if (data.errors) {
            showErrors(form, data.errors);
          } else if (data.redirect) {
            location.assign(data.redirect);
          } else {
            showErrors(form, { form: networkError });
          }
        });
      })
      .catch(function () {
        showErrors(form, { form: networkError });
      })
      .then(function () {
        if (button) button.disabled = false;
      });
  }

  function enhanceForms() {
    if (!window.fetch) return;
    /* The server checks every field and says what is wrong next to it, as without script; the
       browser's own bubble would stop an empty post before it could. */
    each("form[data-enhance]", function (form) {
      form.noValidate = true;
    });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.matches || !form.matches("form[data-enhance]") || !window.fetch) return;
      event.preventDefault();
      send(form);
    });
  }

  function start() {
    showSession();
    showTimes(document);
    showFollowButtons();
    enhanceForms();
    setInterval(function () {
      showTimes(document);
    }, 60000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
