import { CACHE_STATUS_HEADER } from "@gateway/response-cache";
import { GraphQLResponse } from "./hub";
import { operation } from "./operations";
import { scrape, total } from "./prometheus";

// What the response-cache tests share (issue 12, point 5): the operations they read and book with, and a client
// that reports whether the gateway answered from its cache.

export const REDIS_URL = "redis://127.0.0.1:6379";
export const PUBLIC_DIRECTORY = operation("PublicDirectory");
export const M2 = operation("BookBirthdayParty");
export const DAY_BOARD = `query PartnerDayBoard($facilityId: ID!, $date: Date!) {
  roomDayBoard(facilityId: $facilityId, date: $date) { room { id name } bookings { id startsAt endsAt title } }
}`;
export const DIRECTORY_VARIABLES = { community: "340111X01C01", period: { from: "2021-01-01", to: "2021-12-31" } };
export const DAY = "2022-03-15";
export const BIRTHDAY = {
  roomId: "room_zx_hall",
  organizationId: "org_lezhulin",
  purpose: "ACTIVITY",
  title: "三月集体生日会",
  expectedAttendance: 45,
  startsAt: `${DAY}T09:00:00+08:00`,
  endsAt: `${DAY}T11:00:00+08:00`,
  equipment: [{ type: "SOUND_SYSTEM", quantity: 1 }],
};

export interface Answer {
  cache: string | null;
  body: GraphQLResponse;
  text: string;
}

export async function ask(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { cache: response.headers.get(CACHE_STATUS_HEADER), body: JSON.parse(text) as GraphQLResponse, text };
}

export const metric = async (url: string, name: string, labels: Record<string, string> = {}) => total(await scrape(url), name, labels);

/** Whether the 竹西 hall shows the birthday booking's busy block. */
export const hallBusy = (answer: Answer) =>
  answer.body.data.roomDayBoard.find((board: { room: { id: string } }) => board.room.id === "room_zx_hall").bookings.some((b: { startsAt: string }) => b.startsAt === `${DAY}T09:00:00.000+08:00`);
