/**
 * A batch job from 2023 on the InvokeModel API (us-east-1), never migrated.
 */
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const MODELS = {
  // Past end of life.
  draft: 'amazon.titan-text-lite-v1',
  classify: 'cohere.command-text-v14',
  chat: 'anthropic.claude-3-haiku-20240307-v1:0',
  // Fine.
  summarize: 'us.anthropic.claude-sonnet-4-6',
  embed: 'amazon.titan-embed-text-v2:0',
};

export async function chat(prompt) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODELS.chat,
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
}

export { MODELS };
