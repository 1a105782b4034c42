//! Every page and message in the language a person chose: account setting,
//! then the language menu's cookie, then the browser, then the operator's
//! default. On both databases.

mod support;

use hearth_store::backend_tests;
use hearth_web::Config;
use hearth_web::i18n::Lang;
use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{PASSWORD, location, problem, spawn_app, spawn_app_with};

async fn page(
    app: &support::TestApp,
    client: &reqwest::Client,
    path: &str,
    accept: &str,
) -> (String, String) {
    let response = client
        .get(app.url(path))
        .header("accept-language", accept)
        .send()
        .await
        .unwrap();
    let content_language = response.headers()["content-language"]
        .to_str()
        .unwrap()
        .to_owned();
    (content_language, response.text().await.unwrap())
}

backend_tests! {
    setup = spawn_app;

    async fn the_browser_language_is_followed(app) {
        let (language, html) = page(&app, &app.browser(), "/", "es-MX,es;q=0.9,en;q=0.5").await;
        assert_eq!(language, "es");
        assert!(html.contains(r#"<html lang="es">"#));
        assert!(html.contains("No tienes que pasar por esto a solas"));
        assert!(html.contains("Ayuda inmediata"));
        let (language, html) = page(&app, &app.browser(), "/", "de-DE,de;q=0.9").await;
        assert_eq!(language, "en", "a language Hearth does not speak falls back to the default");
        assert!(html.contains("have to do this alone"));
    }

    async fn the_language_menu_works_without_javascript_and_outranks_the_browser(app) {
        let browser = app.browser();
        let response = app
            .submit(&browser, "/help", "/language", &[("lang", "es"), ("next", "/help")])
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/help");
        let cookie = response.headers()["set-cookie"].to_str().unwrap();
        assert!(cookie.starts_with("hearth_lang=es;") && cookie.contains("Max-Age="));
        let (language, html) = page(&app, &browser, "/help", "en-US,en").await;
        assert_eq!(language, "es");
        assert!(html.contains("Marca 2 para hablar en español"));
        assert!(html.contains("España") && html.contains("024"));

        let elsewhere = app
            .submit(&browser, "/", "/language", &[("lang", "en"), ("next", "https://evil.example/")])
            .await;
        assert_eq!(location(&elsewhere), "/", "the menu only sends people back to this site");
        let unknown = app.submit(&browser, "/", "/language", &[("lang", "xx"), ("next", "/")]).await;
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    }

    async fn the_account_setting_outranks_everything_and_follows_the_person(app) {
        let browser = app.browser();
        app.register_in_browser(&browser, "walker").await;
        let response = app.submit(&browser, "/account", "/account/language", &[("locale", "es")]).await;
        assert_eq!(location(&response), "/account?notice=language-changed");
        let (language, html) = page(&app, &browser, "/account?notice=language-changed", "en").await;
        assert_eq!(language, "es");
        assert!(html.contains("Tu idioma quedó guardado."));
        let today = jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date();
        let spanish = Lang::from_code("es").unwrap();
        assert!(html.contains(&spanish.date(today)), "member since, as Spanish writes dates");

        // Another device, a browser asking for English: still Spanish.
        let phone: Value = app.api_sign_in("walker", PASSWORD).await.json().await.unwrap();
        let token = phone["token"].as_str().unwrap();
        let me: Value = app.api.get(app.url("/api/v1/me")).bearer_auth(token).header("accept-language", "en").send().await.unwrap().json().await.unwrap();
        assert_eq!(me["locale"], "es");
        let html = app
            .api
            .get(app.url("/"))
            .header("cookie", format!("hearth_session={token}"))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(r#"<html lang="es">"#));

        // "The same as my browser" hands the choice back to the browser.
        app.submit(&browser, "/account", "/account/language", &[("locale", "")]).await;
        let (language, _) = page(&app, &browser, "/account", "en").await;
        assert_eq!(language, "en");
    }

    async fn the_api_speaks_the_requests_language(app) {
        let response = app
            .api
            .post(app.url("/api/v1/accounts"))
            .header("accept-language", "es")
            .json(&json!({ "handle": "ab", "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["content-language"], "es");
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["title"], "No se pudo usar lo enviado");
        assert_eq!(body["errors"][0]["code"], "too_short", "codes stay the same in every language");
        assert_eq!(body["errors"][0]["detail"], "El nombre de usuario necesita al menos 3 caracteres.");

        let token = app.api_member("walker").await;
        let set = app
            .api
            .put(app.url("/api/v1/me/locale"))
            .bearer_auth(&token)
            .json(&json!({ "locale": "es" }))
            .send()
            .await
            .unwrap();
        assert_eq!(set.status(), StatusCode::NO_CONTENT);
        let unknown = app
            .api
            .put(app.url("/api/v1/me/locale"))
            .bearer_auth(&token)
            .json(&json!({ "locale": "tlh" }))
            .send()
            .await
            .unwrap();
        let body = problem(unknown, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["detail"], "Hearth todavía no habla ese idioma.", "the account's language");
        let cleared = app
            .api
            .put(app.url("/api/v1/me/locale"))
            .bearer_auth(&token)
            .json(&json!({ "locale": null }))
            .send()
            .await
            .unwrap();
        assert_eq!(cleared.status(), StatusCode::NO_CONTENT);
        let me: Value = app.api_me(&token).await.json().await.unwrap();
        assert_eq!(me["locale"], Value::Null);
    }

    async fn error_pages_and_form_messages_are_translated(app) {
        let (language, html) = page(&app, &app.browser(), "/no-such-page", "es").await;
        assert_eq!(language, "es");
        assert!(html.contains("No encontramos esa página"));
        assert!(html.contains("No hay nada en esta dirección."));

        let browser = app.browser();
        let token = app.csrf_token(&browser, "/register").await;
        let html = browser
            .post(app.url("/register"))
            .header("accept-language", "es")
            .form(&[("handle", "ab"), ("password", "short"), ("email", ""), ("csrf_token", token.as_str())])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("El nombre de usuario necesita al menos 3 caracteres."));
        assert!(html.contains("La contraseña necesita al menos 10 caracteres."));
        assert!(html.contains("Revisa los campos marcados abajo."));
    }
}

#[tokio::test]
async fn the_operators_default_applies_when_the_browser_says_nothing() {
    let config = Config {
        default_lang: Lang::from_code("es").unwrap(),
        ..Config::default()
    };
    let app = spawn_app_with(hearth_store::Backend::Sqlite, config).await;
    let response = app.api.get(app.url("/help")).send().await.unwrap();
    assert_eq!(response.headers()["content-language"], "es");
    let (language, _) = page(&app, &app.browser(), "/help", "en").await;
    assert_eq!(
        language, "en",
        "the browser's wish still comes before the default"
    );
}
