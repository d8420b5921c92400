import { describe, expect, test } from "vitest";
import { action as applyAction, loader as applyLoader } from "#app/routes/join.$slug/route";
import { action as queueAction, loader as queueLoader } from "#app/routes/b.$brand.applications/route";
import { action as programAction, loader as programLoader } from "#app/routes/b.$brand.program/route";
import { action as loginAction } from "#app/routes/login/route";
import { action as verifyAction } from "#app/routes/auth.verify/route";
import { loader as homeLoader } from "#app/routes/home/route";
import { db } from "#app/utils/db.server";
import { callAction, callLoader, cookieFor, cookiesFrom, lastDeliveredTo, lastEmailTo, withEmailProvider } from "#tests/utils";
import { addStaff, createBrand, createUser, uniqueEmail } from "#tests/factories";

async function setup() {
  const owner = await createUser(db);
  const manager = await createUser(db);
  const brand = await createBrand(db, { ownerId: owner.id, name: "Apply Bakery" });
  await addStaff(db, brand.id, manager.id, "manager");
  const cookie = await cookieFor(manager.id);
  const params = { brand: brand.slug };
  // The brand asks one required question and one life-moment question.
  await callAction(programAction, `/b/${brand.slug}/program`, {
    cookie,
    params,
    form: { intent: "save",
      applicationsOpen: "on",
      reapplyAfterDays: "90",
      quietAfterDays: "60",
      autoCities: "",
      termsText: "Be kind. Disclose gifts.",
      "questions[0].label": "Favourite bake?",
      "questions[0].type": "single",
      "questions[0].options": "Rye, Croissant, Babka",
      "questions[0].required": "on",
      "questions[1].label": "Moving house in the next 6 months?",
      "questions[1].type": "single",
      "questions[1].options": "Yes, No",
      "questions[1].lifeMoment": "on",
    },
  });
  return { brand, manager, cookie, params };
}

function applicationForm(email: string, extra: Record<string, string> = {}) {
  return {
    name: "Mina Applicant",
    email,
    city: "Toronto",
    whyLove: "Your rye bread got me through the winter.",
    interests: "rye, photography",
    "accounts[0].platform": "instagram",
    "accounts[0].handle": "@mina",
    "accounts[0].followers": "2400",
    acceptTerms: "on",
    emailOptIn: "on",
    ...extra,
  };
}

const questionId = async (brandId: string, n: number) => JSON.parse((await db.brand.findUniqueOrThrow({ where: { id: brandId } })).applicationQuestions)[n].id as string;

withEmailProvider();

describe("applications", () => {
  test("a stranger applies, the manager approves, the fan is emailed and finds the program after signing in", async () => {
    const { brand, cookie, params } = await setup();
    const page = await callLoader(applyLoader, `/join/${brand.slug}`, { params: { slug: brand.slug } });
    expect(page.data.questions.map((q: { label: string }) => q.label)).toEqual(["Favourite bake?", "Moving house in the next 6 months?"]);
    expect(page.data.brand).not.toHaveProperty("autoCities");

    const email = uniqueEmail("mina");
    const q0 = await questionId(brand.id, 0);
    const q1 = await questionId(brand.id, 1);
    const missing = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { acceptTerms: "" }) } });
    expect(missing.status).toBe(400);
    expect(missing.data.result.error).toMatchObject({ acceptTerms: ["Please accept the program terms to apply"], [`q_${q0}`]: ["Choose one"] });

    const res = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { [`q_${q0}`]: "Rye", [`q_${q1}`]: "Yes" }) } });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/join/${brand.slug}?submitted=1`);
    const applied = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email }, include: { consents: true, socialAccounts: true } });
    expect(applied).toMatchObject({ status: "applied", source: "application", maxFollowers: 2400, termsVersion: 2 });
    expect(applied.consents).toHaveLength(2);
    // The applicant is told at once that it arrived.
    expect(await lastEmailTo(email)).toMatchObject({ template: "application-received", subject: "We received your application to Apply Bakery's ambassador program" });

    const queue = await callLoader(queueLoader, `/b/${brand.slug}/applications`, { cookie, params });
    expect(queue.data.counts.pending).toBe(1);
    const [app] = queue.data.applications;
    expect(app).toMatchObject({ name: "Mina Applicant", tier: "micro", whyLove: "Your rye bread got me through the winter." });
    expect(app.answers.map((a: { answer: string }) => a.answer)).toEqual(["Rye", "Yes"]);

    const decided = await callAction(queueAction, `/b/${brand.slug}/applications`, { cookie, params, form: { intent: "approve", applicationId: app.id, message: "Welcome, Mina!" } });
    expect(decided.status).toBe(302);
    const mail = await lastEmailTo(email);
    expect(mail).toMatchObject({ template: "application-decision", subject: "Welcome to Apply Bakery's ambassador program!" });
    expect(mail!.text).toContain("Welcome, Mina!");
    expect(await db.ambassador.findUniqueOrThrow({ where: { id: applied.id } })).toMatchObject({ status: "active" });

    // Signing in with that address links the membership to the new account.
    const login = await callAction(loginAction, "/login", { form: { intent: "code", email } });
    const code = lastDeliveredTo(email)!.subject.match(/\d{6}/)![0];
    const signedIn = await callAction(verifyAction, "/auth/verify", { cookie: cookiesFrom(login.headers), form: { intent: "code", code } });
    const home = await callLoader(homeLoader, "/home", { cookie: cookiesFrom(signedIn.headers) });
    expect(home.data.programs).toEqual([expect.objectContaining({ status: "active", brand: expect.objectContaining({ slug: brand.slug }) })]);
    // The name given on the application is the account's name ("Hello, Mina Applicant", not the address).
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Mina Applicant");
  });

  test("the optional social accounts block left blank does not stop an application", async () => {
    const { brand } = await setup();
    const email = uniqueEmail("blank");
    const q0 = await questionId(brand.id, 0);
    const form = { ...applicationForm(email, { [`q_${q0}`]: "Rye" }), "accounts[0].platform": "instagram", "accounts[0].handle": "", "accounts[0].followers": "" };
    const res = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...form } });
    expect(res.status).toBe(302);
    const ambassador = await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email }, include: { socialAccounts: true } });
    expect(ambassador.socialAccounts).toEqual([]);
  });

  test("a signed-in applicant without a name takes the one they give, accents and emoji included", async () => {
    const { brand } = await setup();
    const user = await createUser(db, { name: null });
    const q0 = await questionId(brand.id, 0);
    const res = await callAction(applyAction, `/join/${brand.slug}`, { cookie: await cookieFor(user.id), params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(user.email, { [`q_${q0}`]: "Rye" }), name: "Zoë Ngũgĩ-Ōtsuka 🌸" } });
    expect(res.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Zoë Ngũgĩ-Ōtsuka 🌸");
  });

  test("decline emails the fan, removes the applicant, and enforces the reapply wait", async () => {
    const { brand, cookie, params } = await setup();
    const email = uniqueEmail("dee");
    const q0 = await questionId(brand.id, 0);
    await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { [`q_${q0}`]: "Babka" }) } });
    const app = await db.application.findFirstOrThrow({ where: { brandId: brand.id, email } });
    await callAction(queueAction, `/b/${brand.slug}/applications`, { cookie, params, form: { intent: "decline", applicationId: app.id, message: "We're full for now." } });
    const mail = await lastEmailTo(email);
    expect(mail!.subject).toBe("About your application to Apply Bakery's ambassador program");
    expect(mail!.text).toMatch(/apply again from/);
    expect(await db.ambassador.count({ where: { brandId: brand.id, email } })).toBe(0);

    const again = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { [`q_${q0}`]: "Babka" }) } });
    expect(again.status).toBe(400);
    expect(again.data.result.error.email[0]).toMatch(/You applied recently. You can apply again from/);

    await db.application.update({ where: { id: app.id }, data: { decidedAt: new Date(Date.now() - 91 * 86_400_000) } });
    const later = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { [`q_${q0}`]: "Babka" }) } });
    expect(later.status).toBe(302);
  });

  test("wait-listing keeps the fan as applied and can be approved later", async () => {
    const { brand, cookie, params } = await setup();
    const email = uniqueEmail("wl");
    const q0 = await questionId(brand.id, 0);
    await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { [`q_${q0}`]: "Rye" }) } });
    const app = await db.application.findFirstOrThrow({ where: { brandId: brand.id, email } });
    await callAction(queueAction, `/b/${brand.slug}/applications`, { cookie, params, form: { intent: "wait-list", applicationId: app.id } });
    expect((await lastEmailTo(email))!.subject).toBe("You're on Apply Bakery's ambassador wait-list");
    const wl = await callLoader(queueLoader, `/b/${brand.slug}/applications?tab=waitlisted`, { cookie, params });
    expect(wl.data.applications).toHaveLength(1);
    await callAction(queueAction, `/b/${brand.slug}/applications`, { cookie, params, form: { intent: "approve", applicationId: app.id } });
    expect((await db.ambassador.findFirstOrThrow({ where: { brandId: brand.id, email } })).status).toBe("active");
    const twice = await callAction(queueAction, `/b/${brand.slug}/applications`, { cookie, params, form: { intent: "decline", applicationId: app.id } });
    expect(twice.status).toBe(302);
    expect((await db.application.findUniqueOrThrow({ where: { id: app.id } })).status).toBe("approved");
  });

  test("auto-rules decline applications below the minimum followers or outside the cities", async () => {
    const { brand } = await setup();
    await db.brand.update({ where: { id: brand.id }, data: { autoMinFollowers: 5000, autoCities: "Toronto, Mississauga" } });
    const q0 = await questionId(brand.id, 0);
    const small = uniqueEmail("small");
    await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(small, { [`q_${q0}`]: "Rye" }) } });
    expect(await db.application.findFirstOrThrow({ where: { email: small } })).toMatchObject({ status: "declined", autoReason: "fewer than 5,000 followers on every account" });
    const far = uniqueEmail("far");
    await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(far, { [`q_${q0}`]: "Rye", city: "Calgary", "accounts[0].followers": "9000" }) } });
    expect((await db.application.findFirstOrThrow({ where: { email: far } })).autoReason).toBe("outside the program's cities (Toronto, Mississauga)");
    const ok = uniqueEmail("ok");
    await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(ok, { [`q_${q0}`]: "Rye", city: "mississauga", "accounts[0].followers": "9000" }) } });
    expect((await db.application.findFirstOrThrow({ where: { email: ok } })).status).toBe("pending");
    // Cities match whatever the accents or case; an application declined at once gets no "received" email.
    await db.brand.update({ where: { id: brand.id }, data: { autoCities: "Montréal" } });
    const accent = uniqueEmail("accent");
    await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(accent, { [`q_${q0}`]: "Rye", city: "MONTREAL", "accounts[0].followers": "9000" }) } });
    expect((await db.application.findFirstOrThrow({ where: { email: accent } })).status).toBe("pending");
    expect(await db.outboxMessage.count({ where: { to: small, template: "application-received" } })).toBe(0);
  });

  test("a honeypot or a closed page takes no application; too many from one address are refused", async () => {
    const { brand } = await setup();
    const q0 = await questionId(brand.id, 0);
    const bot = uniqueEmail("bot");
    const res = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(bot, { website: "spam", [`q_${q0}`]: "Rye" }) } });
    expect(res.status).toBe(302);
    expect(await db.application.count({ where: { email: bot } })).toBe(0);
    for (let i = 0; i < 10; i++) {
      await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, headers: { "x-kindred-client-ip": "192.0.2.9" }, form: { intent: "apply", ...applicationForm(uniqueEmail("flood"), { [`q_${q0}`]: "Rye" }) } });
    }
    const limited = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, headers: { "x-kindred-client-ip": "192.0.2.9" }, form: { intent: "apply", ...applicationForm(uniqueEmail("flood"), { [`q_${q0}`]: "Rye" }) } });
    expect(limited.status).toBe(400);
    expect(limited.data.result.error[""][0]).toMatch(/Too many applications/);
    await db.brand.update({ where: { id: brand.id }, data: { applicationsOpen: false } });
    expect((await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(uniqueEmail("late"), { [`q_${q0}`]: "Rye" }) } })).status).toBe(403);
  });

  test("program settings: changed terms get a new version; bad questions get field messages; other brands are 404", async () => {
    const { brand, cookie, params } = await setup();
    const loaded = await callLoader(programLoader, `/b/${brand.slug}/program`, { cookie, params });
    expect(loaded.data.settings).toMatchObject({ termsVersion: 2, termsText: "Be kind. Disclose gifts." });
    const bad = await callAction(programAction, `/b/${brand.slug}/program`, {
      cookie,
      params,
      form: { intent: "save", reapplyAfterDays: "-1", quietAfterDays: "60", "questions[0].label": "Pick", "questions[0].type": "multi", "questions[0].options": "Only one" },
    });
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toMatchObject({ reapplyAfterDays: ["The wait must be at least 0"], "questions[0].options": ["List at least two choices, separated by commas"] });
    const other = await setup();
    expect((await callLoader(programLoader, `/b/${other.brand.slug}/program`, { cookie, params: other.params })).status).toBe(404);
    expect((await callLoader(queueLoader, `/b/${other.brand.slug}/applications`, { cookie, params: other.params })).status).toBe(404);
  });
});

describe("the required-consent rule", () => {
  test("when the brand requires program emails, an application without that consent gets a field message", async () => {
    const { brand, cookie, params } = await setup();
    const settings = (await callLoader(programLoader, `/b/${brand.slug}/program`, { cookie, params })).data.settings;
    expect(settings.requireEmailOptIn).toBe(false);
    await db.brand.update({ where: { id: brand.id }, data: { requireEmailOptIn: true } });
    const q0 = await questionId(brand.id, 0);
    const email = uniqueEmail("noemail");
    const res = await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { [`q_${q0}`]: "Rye", emailOptIn: "" }) } });
    expect(res.status).toBe(400);
    expect(res.data.result.error.emailOptIn).toEqual(["This program shares its scoops and invitations by email: please agree to program emails to apply"]);
    expect(await db.application.count({ where: { email } })).toBe(0);
    expect((await callAction(applyAction, `/join/${brand.slug}`, { params: { slug: brand.slug }, form: { intent: "apply", ...applicationForm(email, { [`q_${q0}`]: "Rye" }) } })).status).toBe(302);
  });
});
